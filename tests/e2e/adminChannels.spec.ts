/**
 * An admin looks at the channels in Admin → Channels: every connector with its state (the demo
 * shop's widget, the demo connectors), adds a widget for the centre's own site, and gets its
 * identity secret once and the line to paste into the site. In both languages.
 */
import { expect, test } from '@playwright/test';
import { signIn, type Stack, startStack } from './harness';

const ADMIN = { email: 'admin@demo.switchboard', password: 'switchboard' };

let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

test('an admin sees each channel’s connector and adds a web chat widget for a site', async ({ page }) => {
  await signIn(page, stack, ADMIN);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-channels').click();
  await expect(page.getByTestId('admin-channels')).toBeVisible();
  await expect(page.locator('[data-testid="connector"][data-kind="widget"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="connector"][data-kind="widget"]')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('widget-channel')).toHaveCount(1);

  // A bad origin is refused with the server's words; nothing is added.
  await page.getByTestId('widget-channel-id').fill('our-shop');
  await page.getByTestId('widget-channel-name').fill('Our shop');
  await page.getByTestId('widget-channel-origins').fill('shop.example.com/path');
  await page.getByTestId('widget-channel-add').click();
  await expect(page.getByTestId('channels-error')).toContainText('origin');
  await expect(page.getByTestId('widget-channel')).toHaveCount(1);

  await page.getByTestId('widget-channel-origins').fill('https://shop.example.com');
  await page.getByTestId('widget-channel-add').click();
  const secret = page.getByTestId('widget-secret');
  await expect(secret).toContainText('wsec_');
  const value = (await secret.locator('code').textContent())!.trim();
  const added = page.getByTestId('widget-channel').filter({ hasText: 'Our shop' });
  await expect(added).toContainText('https://shop.example.com');
  await expect(added).toContainText(`…${value.slice(-4)}`);
  await expect(added).not.toContainText(value);
  await expect(added.getByTestId('widget-snippet')).toContainText('data-channel="our-shop"');
  await page.screenshot({ path: test.info().outputPath('admin-channels.png'), fullPage: true });
});
