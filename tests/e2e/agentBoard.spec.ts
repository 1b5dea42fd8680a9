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
