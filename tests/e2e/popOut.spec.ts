/**
 * A conversation in a window of its own: in a browser the "New window" action opens a tab at
 * `#conversation/ID` that shows only that conversation, signed in through the same core, where
 * the agent can answer; the reply shows in the main window too. (In the desktop app the shell
 * opens a real window at the same address: tests/unit/electron.)
 */
import { expect, test } from '@playwright/test';
import { signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

test('pops a conversation out into its own window and answers from there', async ({ page, context }) => {
  await signIn(page, stack);
  await page.getByTestId('scope-tab-myTeams').click();
  const stamp = Date.now();
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `popout-${stamp}`,
    contact: { externalId: `popout-${stamp}`, name: '郑晓' },
    text: `发票抬头开错了，能重开吗？ ${stamp}`,
  });
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  await expect(page.getByTestId('conversation-view')).toHaveAttribute('data-conversation-id', conversationId);

  const [popOut] = await Promise.all([context.waitForEvent('page'), page.getByTestId('action-pop-out').click()]);
  await popOut.waitForLoadState();
  expect(new URL(popOut.url()).hash).toBe(`#conversation/${conversationId}`);
  const view = popOut.getByTestId('conversation-view');
  await expect(view).toHaveAttribute('data-conversation-id', conversationId);
  // Only the conversation: no inbox, no navigation rail, no second "New window".
  await expect(popOut.getByTestId('inbox-row')).toHaveCount(0);
  await expect(popOut.locator('.nav-rail')).toHaveCount(0);
  await expect(popOut.getByTestId('action-pop-out')).toHaveCount(0);

  await popOut.getByTestId('composer-input').fill('可以的，我们马上为您重新开具。');
  await popOut.getByTestId('composer-input').press('Control+Enter');
  await expect(view.locator('[data-testid="message"][data-direction="out"]').last()).toContainText('马上为您重新开具');
  await expect(
    page.getByTestId('conversation-view').locator('[data-testid="message"][data-direction="out"]').last(),
  ).toContainText('马上为您重新开具');
  await popOut.screenshot({ path: test.info().outputPath('pop-out-conversation.png') });
});
