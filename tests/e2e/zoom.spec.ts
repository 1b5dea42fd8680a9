/**
 * Zoom to 200 %: a 1440×900 window at 200 % leaves the renderer 720×450 CSS pixels. Every screen
 * must still fit (no horizontal scrolling, nothing cut off at the right edge), the inbox and the
 * open conversation take turns with a way back, and an agent can still answer a customer. Then
 * Windows high-contrast mode (forced colors): focus rings and the selected inbox row stay visible.
 * Each screen is saved as a screenshot for a person to look at.
 */
import { expect, type Page, test } from '@playwright/test';
import { join } from 'node:path';
import { DEMO_AGENT, DEMO_LEAD, DEMO_REVIEWER, signIn, type Stack, startStack } from './harness';

const ADMIN = { email: 'admin@demo.switchboard', password: DEMO_AGENT.password };

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ seedDemoReviews: true });
});
test.afterAll(async () => {
  await stack?.stop();
});

test.use({ viewport: { width: 720, height: 450 } });

async function customerWrites(text: string): Promise<string> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `zoom-${stamp}`,
    contact: { externalId: `zoom-${stamp}`, name: '冯佳怡' },
    text,
  });
  return conversationId;
}

/** What sticks out past the right edge of the window, by element (empty when the screen fits). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const controls = document.querySelectorAll<HTMLElement>('.top-bar *, .nav-rail *, button, select, input, textarea, [role="tab"], h1, h2');
    for (const element of controls) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (element.closest('[hidden], dialog:not([open])')) continue;
      // Inside a container that scrolls sideways on purpose (a wide table), it can be reached.
      const scroller = element.parentElement?.closest<HTMLElement>('.table-scroll, [data-scroll-x]');
      if (scroller) continue;
      if (box.right > width + 1 || box.left < -1) {
        const name = element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? '';
        out.push(`${element.tagName.toLowerCase()} "${name}" at ${Math.round(box.left)}–${Math.round(box.right)}`);
      }
    }
    return out.slice(0, 12);
  });
}

async function fits(page: Page, where: string): Promise<void> {
  await page.screenshot({ path: join(test.info().outputDir, `zoom-${where}.png`) });
  expect(await overflow(page), where).toEqual([]);
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`every role's screens fit at 200 % zoom (${language})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((lang) => localStorage.setItem('switchboard.language', lang), language);

    // Agent: the inbox alone, then a conversation alone with the way back, and a reply sent.
    await customerWrites('我想修改收货地址，订单还没发货。');
    await signIn(page, stack, DEMO_AGENT);
    await page.getByTestId('scope-tab-all').click();
    await expect(page.getByTestId('inbox-row').first()).toBeVisible();
    await expect(page.getByTestId('sign-out')).toBeInViewport({ ratio: 1 });
    await fits(page, `${language}-agent-inbox`);
    await page.getByTestId('inbox-row').first().click();
    await expect(page.getByTestId('composer-input')).toBeVisible();
    await expect(page.getByTestId('inbox-row')).toHaveCount(0);
    await fits(page, `${language}-agent-conversation`);
    const reply = `200% ${Date.now()}`;
    await page.getByTestId('composer-input').fill(reply);
    await page.getByTestId('composer-input').press('Control+Enter');
    await expect(page.getByTestId('conversation-view').locator('[data-testid="message"][data-direction="out"]').last()).toContainText(reply);
    await page.getByTestId('back-to-inbox').click();
    await expect(page.getByTestId('inbox-row').first()).toBeVisible();
    await expect(page.getByTestId('conversation-view')).toHaveCount(0);

    // Reviewer: the list and a review.
    await signIn(page, stack, DEMO_REVIEWER);
    await expect(page.getByTestId('qa-row').first()).toBeVisible();
    await fits(page, `${language}-reviewer-list`);
    await page.getByTestId('qa-row').first().click();
    await expect(page.getByTestId('qa-pane')).toBeVisible();
    await fits(page, `${language}-reviewer-review`);

    // Lead: the Live screen's tabs.
    await signIn(page, stack, DEMO_LEAD);
    await page.getByTestId('nav-live').click();
    await expect(page.getByTestId('live-screen')).toBeVisible();
    for (const tab of ['alerts', 'queues', 'kpi']) {
      await page.getByTestId(`live-tab-${tab}`).click();
      await fits(page, `${language}-lead-live-${tab}`);
    }

    // Admin: every tab.
    await signIn(page, stack, ADMIN);
    await page.getByTestId('nav-admin').click();
    for (const tab of ['policies', 'calendars', 'knowledge', 'scorecards', 'autoQa', 'alerts', 'webhooks']) {
      await page.getByTestId(`admin-tab-${tab}`).click();
      await expect(page.getByTestId(`admin-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
      await fits(page, `${language}-admin-${tab}`);
    }
  });
}

test('high contrast keeps focus and the selected conversation visible', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await customerWrites('The parcel tracking has not moved for three days.');
  await signIn(page, stack, DEMO_AGENT);
  await page.getByTestId('scope-tab-all').click();
  const row = page.getByTestId('inbox-row').first();
  await expect(row).toBeVisible();
  await page.keyboard.press('Tab');
  await page.getByTestId('scope-tab-mine').focus();
  const ring = await page.getByTestId('scope-tab-mine').evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  await page.setViewportSize({ width: 1440, height: 900 });
  await row.click();
  const selected = await row.evaluate((element) => {
    const style = getComputedStyle(element);
    return { outline: style.outlineStyle, border: style.borderLeftStyle, borderWidth: parseFloat(style.borderLeftWidth) };
  });
  expect(selected.outline !== 'none' || (selected.border !== 'none' && selected.borderWidth >= 3)).toBe(true);
  await page.screenshot({ path: join(test.info().outputDir, 'forced-colors-inbox.png') });
});
