/**
 * A dispute in the real UI: the agent whose work failed a review disputes it with a comment and
 * the rating they think is right, the team lead accepts the dispute, and the agent sees the
 * outcome: the review is settled, rescored, and its history says who decided what.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_AGENT, DEMO_LEAD, signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ seedDemoReviews: true });
});
test.afterAll(async () => {
  await stack?.stop();
});

async function openFailedReview(page: Page) {
  await page.getByTestId('nav-qa').click();
  await page.getByTestId('qa-tab-reviews').click();
  const row = page.getByTestId('qa-review-row').filter({ hasText: 'Not passed' });
  await expect(row).toHaveCount(1);
  await row.getByTestId('qa-review-open').click();
  const detail = page.getByTestId('qa-review-detail');
  await expect(detail).toBeVisible();
  return detail;
}

test('an agent disputes a failed review, the lead accepts, and the agent sees the new score', async ({
  page,
}) => {
  await signIn(page, stack, DEMO_AGENT);
  // The rail tells her two reviews of her work wait to be read.
  const badge = page.getByTestId('nav-qa').getByTestId('nav-badge');
  await expect(badge).toHaveText('2');
  let detail = await openFailedReview(page);
  await expect(page.getByTestId('qa-tab-reviews')).toHaveText('Reviews of my work');
  await expect(detail.getByTestId('qa-detail-score')).toHaveText('0');
  await detail.getByTestId('qa-dispute-open').click();
  await detail.locator('[data-category="accuracy"]').getByRole('radio', { name: '4' }).click();
  // (0 + 25 × 2 + 75 × 3 + 0 + 0) / 9 = 30.6 with the proposal
  await expect(detail.getByTestId('qa-detail-score')).toHaveText('30.6');
  await detail.getByTestId('qa-detail-comment').fill('I gave the correct refund timeline.');
  await detail.getByTestId('qa-detail-send').click();
  await expect(detail.getByTestId('qa-detail-status')).toHaveText('Disputed');
  await expect(detail.getByTestId('qa-dispute-open')).toHaveCount(0);
  // Disputed is answered: one review left to read.
  await expect(badge).toHaveText('1');

  await page.getByTestId('sign-out').click();
  await signIn(page, stack, DEMO_LEAD);
  await expect(page.getByTestId('nav-qa').getByTestId('nav-badge')).toHaveCount(0);
  detail = await openFailedReview(page);
  await expect(detail.getByTestId('qa-detail-status')).toHaveText('Disputed');
  await expect(detail.getByTestId('qa-history-event')).toContainText('I gave the correct refund timeline.');
  await detail.getByTestId('qa-resolve-open').click();
  await detail.getByRole('radio', { name: 'Accepted', exact: true }).check();
  await detail.getByTestId('qa-detail-comment').fill('Agreed, the timeline was right.');
  await detail.getByTestId('qa-detail-send').click();
  await expect(detail.getByTestId('qa-detail-status')).toHaveText('Settled');

  await page.getByTestId('sign-out').click();
  await signIn(page, stack, DEMO_AGENT);
  detail = await openFailedReview(page);
  await expect(detail.getByTestId('qa-detail-status')).toHaveText('Settled');
  await expect(detail.getByTestId('qa-detail-score')).toHaveText('30.6');
  await expect(detail.getByTestId('qa-history-event').last()).toContainText('Settled · Accepted');
  await expect(detail.getByTestId('qa-history-event').last()).toContainText(
    'Agreed, the timeline was right.',
  );
  // Final: nothing more to dispute.
  await expect(detail.getByTestId('qa-dispute-open')).toHaveCount(0);
});
