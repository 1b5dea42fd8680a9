/**
 * SLA countdowns keep ticking while the workstation is offline: the core's connection to the
 * server is cut (the connection indicator says offline), and the chip still goes from green to
 * amber to red by the window's own `computeSla`, with no word from the server.
 */
import { expect, test } from '@playwright/test';
import { quickChatPolicies, signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({
    slaPolicies: quickChatPolicies(0.25, 0.1),
  });
});
test.afterAll(async () => {
  await stack?.stop();
});

test('a countdown keeps ticking and turns red while the workstation is offline', async ({ page }) => {
  await signIn(page, stack);
  await page.getByTestId('scope-tab-myTeams').click();
  const stamp = Date.now();
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `sla-offline-${stamp}`,
    contact: { externalId: `sla-offline-contact-${stamp}`, name: 'Jonas Keller' },
    text: 'Hello, anyone?',
  });
  const row = page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`);
  const chip = row.getByTestId('sla-chip');
  await expect(chip).toHaveAttribute('data-tone', 'ok');

  stack.goOffline();
  const indicator = page.getByTestId('connection-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'offline');

  // Still ticking with nothing from the server.
  const shown = await chip.textContent();
  await expect(chip).not.toHaveText(shown!);
  await expect(chip).toHaveAttribute('data-tone', 'warning', { timeout: 15_000 });
  await expect(chip).toHaveAttribute('data-tone', 'breached', { timeout: 15_000 });
  await expect(chip).toHaveText(/^\+\d+s$/);
  await expect(indicator).toHaveAttribute('data-state', 'offline');

  // Back online, the server agrees: the row stays red.
  stack.goOnline();
  await expect(indicator).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
  await expect(chip).toHaveAttribute('data-tone', 'breached');
});
