/**
 * Auto-assignment in the real UI: Emma Clark (Pre-sales and VIP, chat capacity 1) is offline
 * while two ordinary chats and then a VIP chat arrive. She switches herself to Available in the
 * top bar: the VIP chat jumps the queue and lands in her Mine tab with a "new conversation for
 * you" toast and the recorded reason in the thread; the ordinary chats keep waiting because
 * her chat capacity is full, which the top bar shows as 1/1.
 */
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { startStack, type Stack } from './harness';

let stack: Stack;

async function asAdmin(method: string, path: string, body: unknown): Promise<void> {
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.switchboard', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${stack.serverUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

test.beforeAll(async () => {
  stack = await startStack();
  await asAdmin('PUT', '/api/v1/routing/agents/agent-emma-clark/capacity', {
    capacity: { chat: 1, email: 10, voice: 1, sms: 5, social: 5 },
  });
});
test.afterAll(async () => {
  await stack?.stop();
});

test('a VIP chat jumps the queue and lands with the agent who becomes available', async ({ page }) => {
  await page.goto(stack.appUrl);
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByTestId('login-email').fill('emma.clark@demo.switchboard');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'online');

  const status = page.getByTestId('presence-status');
  await expect(status).toHaveValue('offline');

  const stamp = Date.now();
  const ordinary = [];
  for (const [i, name] of ['Oliver Brown', '张伟'].entries()) {
    ordinary.push(
      await stack.ingest({
        channel: 'chat',
        externalId: `routing-e2e-${stamp}-${i}`,
        contact: { externalId: `routing-e2e-std-${stamp}-${i}`, name },
        text: 'Hello, is anyone there?',
      }),
    );
  }
  const vip = await stack.ingest({
    channel: 'chat',
    externalId: `routing-e2e-${stamp}-vip`,
    contact: { externalId: `routing-e2e-vip-${stamp}`, name: 'Victoria Lang', tier: 'vip' },
    text: 'My order has not arrived and I need it today.',
  });

  await page.getByTestId('scope-tab-mine').click();
  await expect(page.getByTestId('inbox-row')).toHaveCount(0);

  await status.selectOption('available');
  const vipRow = page.locator(`[data-testid="inbox-row"][data-conversation-id="${vip.conversationId}"]`);
  await expect(vipRow).toBeVisible();
  await expect(page.getByTestId('toast').filter({ hasText: 'Victoria Lang' })).toBeVisible();
  await expect(page.getByTestId('presence-load')).toContainText('1/1');
  // Capacity full: the ordinary chats keep waiting.
  await expect(page.getByTestId('inbox-row')).toHaveCount(1);
  for (const { conversationId } of ordinary) {
    await expect(
      page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`),
    ).toHaveCount(0);
  }

  await vipRow.click();
  await expect(
    page
      .getByTestId('message')
      .filter({ hasText: 'Auto-assigned to Emma Clark: least loaded of 1 available, Chat 1/1' }),
  ).toBeVisible();

  await page.getByTestId('scope-tab-unassigned').click();
  for (const { conversationId } of ordinary) {
    await expect(
      page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`),
    ).toBeVisible();
  }
});
