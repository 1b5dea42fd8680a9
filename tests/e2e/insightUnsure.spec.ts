/**
 * A message the classifier could not read says so under the bubble ("Unsure" / "不确定"),
 * with no topic tag and no sentiment chip; a clear one shows its tags and no such mark. The agent
 * corrects it in two clicks per label and sees the labels at once.
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

test('an unreadable message is marked unsure instead of tagged', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('switchboard.language', 'zh-CN'));
  await signIn(page, stack);
  await page.getByTestId('scope-tab-myTeams').click();
  const stamp = Date.now();
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `unsure-${stamp}`,
    contact: { externalId: `unsure-${stamp}`, name: '访客 7' },
    text: 'asdf qwer zxcv',
  });
  await stack.ingest({
    channel: 'chat',
    externalId: `unsure-${stamp}-2`,
    contact: { externalId: `unsure-${stamp}`, name: '访客 7' },
    text: '退款两周了还没到账，太慢了',
  });
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  const messages = page.getByTestId('conversation-view').locator('[data-testid="message"][data-direction="in"]');
  await expect(messages).toHaveCount(2);
  await expect(messages.nth(0).getByTestId('insight-unsure')).toHaveText('不确定');
  await expect(messages.nth(0).getByTestId('issue-tag')).toHaveCount(0);
  await expect(messages.nth(0).getByTestId('sentiment-tag')).toHaveCount(0);
  await expect(messages.nth(1).getByTestId('insight-unsure')).toHaveCount(0);
  await expect(messages.nth(1).getByTestId('issue-tag')).toHaveText('退款');
  await page.screenshot({ path: test.info().outputPath('insight-unsure.png') });

  // One click opens the labels, one more relabels the message: the mark goes, the tag shows.
  await messages.nth(0).getByTestId('insight-correct').locator('summary').click();
  await messages.nth(0).getByTestId('correct-issue-account').click();
  await expect(messages.nth(0).getByTestId('insight-unsure')).toHaveText('情绪不确定');
  await expect(messages.nth(0).locator('[data-testid="issue-tag"][data-issue-type="account"]')).toBeVisible();
  await messages.nth(0).getByTestId('insight-correct').locator('summary').click();
  await messages.nth(0).getByTestId('correct-sentiment-negative').click();
  await expect(messages.nth(0).getByTestId('insight-unsure')).toHaveCount(0);
  await expect(messages.nth(0).locator('[data-testid="sentiment-tag"][data-sentiment="negative"]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('insight-corrected.png') });
});
