/**
 * SLA countdowns in the real UI: a chat conversation under a 12-second first-response policy
 * shows a green chip that ticks every second, turns amber in the warning window and red with
 * overtime once breached (in the inbox row and the conversation header), the agent holding it is
 * told, and the "breaching within 30 min" filter and "due soonest" sort keep it in view.
 */
import { expect, test } from '@playwright/test';
import { DEMO_AGENT, quickChatPolicies, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({
    slaPolicies: quickChatPolicies(0.2, 0.1),
  });
});
test.afterAll(async () => {
  await stack?.stop();
});

test('a countdown ticks every second and turns amber, then red with overtime', async ({ page }) => {
  await page.goto(stack.appUrl);
  await page.getByTestId('login-email').fill(DEMO_AGENT.email);
  await page.getByTestId('login-password').fill(DEMO_AGENT.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('scope-tab-myTeams').click();

  const stamp = Date.now();
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `sla-e2e-${stamp}`,
    contact: { externalId: `sla-e2e-contact-${stamp}`, name: 'Hannah Weber' },
    text: 'Is anyone there?',
  });
  const row = page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`);
  const rowChip = row.getByTestId('sla-chip');
  await expect(rowChip).toHaveAttribute('data-tone', 'ok');
  await expect(rowChip).toHaveAttribute('data-target', 'firstResponse');
  const first = await rowChip.textContent();
  expect(first).toMatch(/^0:\d\d$/);
  // It ticks locally: the text changes without any new data.
  await expect(rowChip).not.toHaveText(first!);

  await row.click();
  await page.getByTestId('action-assign-me').click();
  const headerChip = page.getByTestId('conversation-sla').getByTestId('sla-chip');
  await expect(headerChip).toBeVisible();

  await expect(rowChip).toHaveAttribute('data-tone', 'warning', { timeout: 15_000 });
  await expect(rowChip).toHaveAttribute('data-tone', 'breached', { timeout: 15_000 });
  await expect(rowChip).toHaveText(/^\+\d+s$/);
  await expect(headerChip).toHaveAttribute('data-tone', 'breached');
  await expect(headerChip).toContainText('+');

  // The server's scheduler tells the agent who holds it.
  await expect(page.getByTestId('toast').filter({ hasText: 'SLA breached: Hannah Weber' })).toBeVisible({
    timeout: 15_000,
  });

  await page.getByTestId('filter-sla-breaching').click();
  await expect(page.getByTestId('filter-sla-breaching')).toHaveAttribute('aria-pressed', 'true');
  await expect(row).toBeVisible();
  await page.getByTestId('inbox-sort').selectOption('dueSoonest');
  await expect(page.locator('[data-testid="inbox-row"][data-index="0"]')).toHaveAttribute(
    'data-conversation-id',
    conversationId,
  );
});
