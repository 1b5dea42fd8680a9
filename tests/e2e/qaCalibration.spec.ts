/**
 * Calibration in the real UI: the lead answers and resolves a conversation, then sends it to both
 * demo reviewers at once. Each finds it in their list as a calibration and scores it from the
 * keyboard (one workstation, signing out and in); the second sees nothing of the first's scores
 * until submitting, then both columns and the spread per category; the lead sees the whole session.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_LEAD, DEMO_REVIEWER, DEMO_SECOND_REVIEWER, signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ seedDemoReviews: true });
});
test.afterAll(async () => {
  await stack?.stop();
});

/** The workstation is one person's at a time: sign the current one out, the next one in. */
async function switchTo(page: Page, who: typeof DEMO_REVIEWER): Promise<void> {
  await page.getByTestId('sign-out').click();
  await signIn(page, stack, who);
}

/** Opens the calibration assignment for 赵磊 and scores it: greeting, understanding, accuracy, empathy, closing. */
async function score(page: Page, keys: string[]): Promise<void> {
  await page.getByTestId('qa-row').filter({ hasText: '赵磊' }).click();
  const pane = page.getByTestId('qa-pane');
  await expect(pane.getByTestId('qa-calibration-reason')).toBeVisible();
  await expect(pane).toBeFocused();
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('qa-submitted')).toHaveText(/^Submitted (?!\(not synced)/, { timeout: 15_000 });
}

test('a lead starts a calibration; two reviewers score it blind and then see the spread', async ({ page }) => {
  const { conversationId } = await stack.ingest({
    channel: 'email',
    externalId: `calibration-${Date.now()}`,
    contact: { externalId: `zhao-${Date.now()}@example.cn`, name: '赵磊' },
    subject: '修改收货地址',
    text: '我想把订单 7731 的收货地址改到公司，可以吗？',
  });

  await page.addInitScript(() => localStorage.setItem('switchboard.language', 'en'));
  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('scope-tab-myTeams').click();
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  await page.getByTestId('composer-input').fill('您好，已为您把收货地址改为公司地址，明天送达。谢谢！');
  await page.getByTestId('composer-input').press('Control+Enter');
  await page.getByTestId('action-resolve').click();

  await page.getByTestId('action-request-review').click();
  const dialog = page.getByTestId('review-request-dialog');
  await dialog.locator('[data-agent="agent-zhou-min"]').check();
  await expect(dialog.getByTestId('review-request-mode')).toHaveText('One reviewer: an ordinary review.');
  await dialog.locator('[data-agent="agent-sun-li"]').check();
  await expect(dialog.getByTestId('review-request-mode')).toHaveText('Calibration with 2 reviewers, scored blind.');
  await dialog.getByTestId('review-request-submit').click();
  await expect(page.getByText('Calibration started with 2 reviewers.')).toBeVisible();

  // 周敏 scores it first (greeting yes, understanding 5, accuracy 5, empathy 4, closing yes).
  await switchTo(page, DEMO_REVIEWER);
  await score(page, ['1', '5', '5', '4', '1']);
  await page.getByTestId('qa-tab-calibration').click();
  const card = page.getByTestId('qa-calibration').filter({ hasText: '赵磊' });
  await expect(card.getByTestId('qa-calibration-progress')).toHaveText('1 of 2 submitted');
  await expect(card).toContainText('Still scoring: 孙丽 Sun Li');

  // 孙丽 has not submitted: she sees no session, so nothing can sway her.
  await switchTo(page, DEMO_SECOND_REVIEWER);
  await page.getByTestId('qa-tab-calibration').click();
  await expect(page.getByTestId('qa-calibrations-empty')).toBeVisible();
  await page.getByTestId('qa-tab-toReview').click();
  // Greeting yes, understanding 3, accuracy 2 (a critical miss), empathy 2, closing no.
  await score(page, ['1', '3', '2', '2', '0']);
  await page.getByTestId('qa-tab-calibration').click();
  await expect(card.getByTestId('qa-calibration-progress')).toHaveText('2 of 2 submitted');
  await expect(card.locator('thead')).toContainText('周敏 Zhou Min');
  await expect(card.locator('thead')).toContainText('孙丽 Sun Li');
  // Accuracy: 100 against 25 → a spread of 75, marked; greeting agreed → 0.
  const accuracy = card.locator('tbody tr').filter({ hasText: 'Accurate answer' });
  await expect(accuracy.getByTestId('qa-calibration-range')).toHaveText('75');
  await expect(accuracy.getByTestId('qa-calibration-range')).toHaveClass(/is-wide/);
  await expect(card.locator('tbody tr').filter({ hasText: 'Greeting' }).getByTestId('qa-calibration-range')).toHaveText('0');

  // The lead sees the whole session.
  await switchTo(page, DEMO_LEAD);
  await page.getByTestId('nav-qa').click();
  await page.getByTestId('qa-tab-calibration').click();
  await expect(card.getByTestId('qa-calibration-progress')).toHaveText('2 of 2 submitted');
  await expect(card.getByTestId('qa-calibration-range')).toHaveCount(6);
});
