/**
 * The lead's agent board: an agent takes a waiting chat and answers it; on the Live screen the
 * lead sees it in her load and in today's work (handled, median first reply).
 */
import { expect, test } from '@playwright/test';
import { DEMO_AGENT, DEMO_LEAD, signIn, type Stack, startStack } from './harness';
let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});
test('an answered chat shows in the agent’s load and in today’s work on the lead’s board', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('switchboard.language', 'en'));
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `ls-${Date.now()}`,
    contact: { externalId: `ls-${Date.now()}`, name: 'Olivia Brandt' },
    text: 'Hello? I have been waiting.',
  });
  await signIn(page, stack, DEMO_AGENT);
  await page.getByTestId('scope-tab-myTeams').click();
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  await page.getByTestId('action-assign-me').click();
  await page.getByTestId('composer-input').fill('Hello Olivia, checking now.');
  await page.getByTestId('composer-input').press('Control+Enter');
  // Sent, not just queued on the workstation, before she signs out.
  const reply = page.getByTestId('message').filter({ hasText: 'Hello Olivia, checking now.' });
  await expect(reply).toBeVisible();
  await expect(reply).not.toHaveClass(/is-pending/);
  await page.getByTestId('sign-out').click();
  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('nav-live').click();
  await page.getByTestId('live-tab-queues').click();
  const liNa = page.locator(
    '[data-testid="live-team"][data-team-id="team-presales"] [data-testid="live-agent"][data-agent-id="agent-li-na"]',
  );
  await expect(liNa.getByTestId('live-agent-today')).toContainText('1 handled');
  await expect(liNa).toContainText('Chat 1/3');
});

test('a lead opens what an agent holds, leaves a private note, hands one on and takes one over', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('switchboard.language', 'en'));
  const stamp = Date.now();
  const first = await stack.ingest({
    channel: 'chat',
    externalId: `held-a-${stamp}`,
    contact: { externalId: `held-a-${stamp}`, name: 'Ingrid Larsen' },
    text: 'My order arrived damaged.',
  });
  const second = await stack.ingest({
    channel: 'chat',
    externalId: `held-b-${stamp}`,
    contact: { externalId: `held-b-${stamp}`, name: 'Tomás Ruiz' },
    text: 'Can I change the delivery address?',
  });
  await signIn(page, stack, DEMO_AGENT);
  await page.getByTestId('scope-tab-myTeams').click();
  for (const { conversationId } of [first, second]) {
    await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
    await page.getByTestId('action-assign-me').click();
    // Answered, so signing out does not hand it back to the queue.
    await page.getByTestId('composer-input').fill(`Looking into it (${conversationId.slice(0, 4)}).`);
    await page.getByTestId('composer-input').press('Control+Enter');
    await expect(page.getByTestId('message').filter({ hasText: 'Looking into it' })).not.toHaveClass(/is-pending/);
  }
  await page.getByTestId('sign-out').click();

  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('nav-live').click();
  await page.getByTestId('live-tab-queues').click();
  const liNa = page.locator('[data-testid="live-team"][data-team-id="team-presales"] [data-testid="live-agent"][data-agent-id="agent-li-na"]');
  await liNa.getByTestId('live-agent-held-toggle').click();
  const held = page.locator('[data-testid="live-team"][data-team-id="team-presales"] [data-testid="live-agent-held"][data-agent-id="agent-li-na"]');
  const ingrid = held.locator(`[data-testid="live-held"][data-conversation-id="${first.conversationId}"]`);
  const tomas = held.locator(`[data-testid="live-held"][data-conversation-id="${second.conversationId}"]`);
  await expect(ingrid).toContainText('Ingrid Larsen');
  await expect(ingrid).toContainText('Looking into it');
  await expect(tomas).toContainText('Tomás Ruiz');

  // A private note: in the thread for the agents, never a reply to the customer.
  await ingrid.getByTestId('live-held-note').click();
  await ingrid.getByTestId('live-held-note-input').fill('Offer a replacement before a refund.');
  await ingrid.getByTestId('live-held-note-input').press('Control+Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'Note left on the conversation with Ingrid Larsen' })).toBeVisible();
  await expect(ingrid.getByTestId('live-held-note-input')).toHaveCount(0);

  // Handed to a teammate: it leaves Li Na's list.
  const reassign = ingrid.getByTestId('live-held-reassign');
  const mate = await reassign.locator('option').nth(1).getAttribute('value');
  expect(mate).toBeTruthy();
  await reassign.selectOption(mate!);
  await expect(ingrid).toHaveCount(0);
  await expect(tomas).toBeVisible();

  // Taken over by the lead: off Li Na's list too.
  await tomas.getByTestId('live-held-take-over').click();
  await expect(tomas).toHaveCount(0);

  // The note is in Ingrid's thread as an internal note, now with the teammate.
  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('scope-tab-myTeams').click();
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${first.conversationId}"]`).click();
  const note = page.getByTestId('message').filter({ hasText: 'Offer a replacement before a refund.' });
  await expect(note).toHaveAttribute('data-kind', 'note');
  await expect(note).not.toHaveClass(/is-pending/);
});
