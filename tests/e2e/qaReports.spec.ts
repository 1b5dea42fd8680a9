/**
 * A lead's quality report in the real UI: the demo centre's two reviews (one passed at 92.6, one
 * failed on a critical category at 0) in Quality → Reports, totals and tables, a row narrowing
 * the review list, a review opening its detail, and the report downloaded as CSV.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_LEAD, signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ seedDemoReviews: true });
});
test.afterAll(async () => {
  await stack?.stop();
});

test('a lead reads the quality report, drills down to a review and exports it', async ({ page }) => {
  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('nav-qa').click();
  await page.getByTestId('qa-tab-report').click();
  const report = page.getByTestId('qa-report');
  await expect(report).toBeVisible();

  // (100 + 200 + 300 + 133.3 + 100) / 9 = 92.6 and 0 → 46.3; one of two passed.
  await expect(page.getByTestId('qa-report-totals')).toContainText('2');
  await expect(page.getByTestId('qa-report-average')).toHaveText('46.3');
  await expect(page.getByTestId('qa-report-pass-rate')).toHaveText('50%');
  await expect(page.getByTestId('qa-report-categories').getByTestId('qa-report-row')).toHaveCount(5);
  await expect(page.getByTestId('qa-report-categories')).toContainText('解答准确 Accurate answer');
  const listed = page.getByTestId('qa-report-review');
  await expect(listed).toHaveCount(2);

  // A category row: both reviews rated it; the closing's average is (100 + 0) / 2.
  const closing = page.getByTestId('qa-report-categories').getByTestId('qa-report-row').filter({ hasText: 'Closing' });
  await expect(closing).toContainText('50');
  await closing.getByRole('button').click();
  await expect(report).toContainText('Reviews: 礼貌结束 Closing');
  await expect(listed).toHaveCount(2);
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(report).toContainText('Reviews in the report');

  // Only the failed review is below 50: open it from the list.
  const failed = listed.filter({ hasText: 'Not passed' });
  await expect(failed).toHaveCount(1);
  await failed.getByRole('button').first().click();
  await expect(page.getByTestId('qa-review-detail')).toBeVisible();
  await expect(page.getByTestId('qa-detail-score')).toHaveText('0');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qa-report-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^quality-report_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('group,id,name,reviews,average_score,pass_rate_percent,na_count');
  expect(csv).toContain('overall,,,2,46.3,50,');
});
