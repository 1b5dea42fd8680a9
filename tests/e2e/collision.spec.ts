/**
 * Collision detection in the real UI. Li Na (售前 + 售后) opens an after-sales e-mail; her
 * colleague Wang Wei (售后) opens it on his own workstation (here: his own signed-in socket) and
 * starts typing: her header shows him typing. She begins a reply; meanwhile the customer writes
 * again through ingest. Send does not send: a warning summarises the new message; Review keeps
 * the draft, and after another customer message Send anyway sends it.
 */
import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_EVENTS } from '../../shared/contracts/socket';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { signIn, startStack, type Stack } from './harness';

let stack: Stack;
let colleague: Socket | null = null;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  colleague?.close();
  await stack?.stop();
});

async function colleagueSocket(): Promise<Socket> {
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'wang.wei@demo.switchboard', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const socket = io(stack.serverUrl, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

test('shows who else is here and warns before sending a reply the customer has overtaken', async ({ page }) => {
  const stamp = Date.now();
  const thread = `collision-e2e-${stamp}`;
  const contact = { externalId: `amy-${stamp}@example.com`, email: `amy-${stamp}@example.com`, name: 'Amy Lee' };
  const { conversationId } = await stack.ingest({
    channel: 'email',
    externalId: `${thread}-1`,
    conversationExternalId: thread,
    contact,
    subject: 'Refund for order 5521',
    text: 'Hello, I returned the blender last week. When will my refund arrive?',
  });

  await signIn(page, stack);
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByTestId('scope-tab-myTeams').click();
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  await expect(page.getByTestId('conversation-view')).toHaveAttribute('data-conversation-id', conversationId);

  // A colleague opens the same conversation and types.
  colleague = await colleagueSocket();
  const ack = (await colleague
    .timeout(5_000)
    .emitWithAck(SOCKET_EVENTS.presence, { conversationId, viewing: true, typing: true })) as { ok: boolean };
  expect(ack.ok).toBe(true);
  const indicator = page.getByTestId('collision-indicator');
  await expect(indicator).toContainText('王伟 Wang Wei is typing…');
  await colleague.timeout(5_000).emitWithAck(SOCKET_EVENTS.presence, { conversationId, viewing: true, typing: false });
  await expect(indicator).toContainText('王伟 Wang Wei is viewing');

  // Li Na starts her reply; the customer writes again before she sends it.
  const input = page.getByTestId('composer-input');
  await input.fill('Your refund was issued today and should arrive within 3 working days.');
  await stack.ingest({
    channel: 'email',
    externalId: `${thread}-2`,
    conversationExternalId: thread,
    contact,
    subject: 'Re: Refund for order 5521',
    text: 'Sorry, I see now it was already refunded to my card. Please ignore my question.',
  });
  await expect(page.getByTestId('message').filter({ hasText: 'Please ignore my question' })).toBeVisible();

  await page.getByTestId('composer-send').click();
  const warning = page.getByTestId('stale-draft-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Amy Lee (customer)');
  await expect(warning).toContainText('Please ignore my question');
  await expect(page.getByTestId('message').filter({ hasText: 'should arrive within 3 working days' })).toHaveCount(0);

  // Review keeps the draft; what she has now seen no longer holds the reply back.
  await page.getByTestId('stale-draft-review').click();
  await expect(warning).toHaveCount(0);
  await expect(input).toHaveValue('Your refund was issued today and should arrive within 3 working days.');

  // The customer writes once more; this time she sends anyway.
  await stack.ingest({
    channel: 'email',
    externalId: `${thread}-3`,
    conversationExternalId: thread,
    contact,
    subject: 'Re: Refund for order 5521',
    text: 'Actually, could you confirm the amount?',
  });
  await expect(page.getByTestId('message').filter({ hasText: 'confirm the amount' })).toBeVisible();
  await input.press('Control+Enter');
  await expect(warning).toContainText('confirm the amount');
  await expect(warning).not.toContainText('Please ignore my question');
  await page.getByTestId('stale-draft-send-anyway').click();
  await expect(page.getByTestId('message').filter({ hasText: 'should arrive within 3 working days' })).toBeVisible();
  await expect(warning).toHaveCount(0);
  await expect(input).toHaveValue('');

  // The colleague leaves: nobody else is shown.
  await colleague.timeout(5_000).emitWithAck(SOCKET_EVENTS.presence, { conversationId, viewing: false, typing: false });
  await expect(indicator).toHaveCount(0);
});
