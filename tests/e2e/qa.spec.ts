/**
 * The QA reviewer's day in the real UI: the demo sample waits on the Quality screen, the reviewer
 * opens a conversation, comments on one message, rates every category from the keyboard (the
 * live total follows), submits with Ctrl+Enter while offline (shown at once as not synced) and
 * the review lands when the connection is back; ] moves to the next conversation.
 */
import { expect, test } from '@playwright/test';
import { DEMO_REVIEWER, signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ seedDemoReviews: true });
});
test.afterAll(async () => {
  await stack?.stop();
});

test('a reviewer scores a sampled conversation from the keyboard, with a comment on one message, offline', async ({
  page,
}) => {
  // The reviewer's first screen is Quality.
  await signIn(page, stack, DEMO_REVIEWER);
  await expect(page.getByTestId('qa-screen')).toBeVisible();
  await expect(page.getByTestId('nav-qa')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('qa-filter-open')).toContainText('3');
  await expect(page.getByTestId('qa-filter-done')).toContainText('2');
  const rows = page.getByTestId('qa-row');
  await expect(rows).toHaveCount(3);

  await rows.first().click();
  const pane = page.getByTestId('qa-pane');
  await expect(pane).toBeVisible();
  await expect(pane).toBeFocused();
  const messages = pane.getByTestId('qa-message');
  await expect(messages.first()).toBeVisible();

  // A comment anchored to the agent's reply.
  const reply = messages.filter({ has: page.locator('.qa-message-meta', { hasText: 'Agent' }) }).first();
  await reply.getByTestId('qa-comment-open').click();
  await page.getByTestId('qa-comment-input').fill('Good: the points rule is explained clearly.');
  await page.keyboard.press('Enter');
  await expect(reply.getByTestId('qa-comment')).toHaveText(/the points rule is explained clearly/);

  // Adding the comment hands the keyboard back to the scorecard.
  await expect(pane).toBeFocused();
  await expect(page.getByTestId('qa-total')).toContainText('—');
  // greeting yes, understanding 4/5, accuracy 5/5, empathy N/A, closing yes → 650 / 7 = 92.9
  for (const key of ['1', '4', '5', 'n', '1']) await page.keyboard.press(key);
  await expect(page.getByTestId('qa-total')).toContainText('92.9');
  await expect(page.getByTestId('qa-total')).toContainText('Pass (≥ 80)');
  // ↑ back to a category and re-rate it: accuracy 3/5 is 50, not a critical miss.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('3');
  await expect(page.getByTestId('qa-total')).toContainText('71.4');
  await expect(page.getByTestId('qa-total')).toContainText('Below 80');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('5');
  await expect(page.getByTestId('qa-total')).toContainText('92.9');

  stack.goOffline();
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'offline');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('qa-submitted')).toHaveText('Submitted (not synced yet)');
  await expect(page.getByTestId('qa-filter-open')).toContainText('2');
  await expect(page.getByTestId('qa-filter-done')).toContainText('3');

  stack.goOnline();
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('qa-submitted')).toHaveText(/^Submitted (?!\(not synced)/, {
    timeout: 15_000,
  });
  await expect(pane.getByTestId('qa-comment')).toHaveText(/the points rule is explained clearly/);

  // The finished reviews, including this one, under Reviews.
  await page.getByTestId('qa-tab-reviews').click();
  await expect(page.getByTestId('qa-review-row')).toHaveCount(3);
  await expect(page.getByTestId('qa-reviews')).toContainText('92.9');
});
