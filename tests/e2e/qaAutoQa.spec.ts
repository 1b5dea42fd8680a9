/**
 * Auto-QA in the reviewer's screen: a demo conversation whose agent skipped the greeting and used
 * a forbidden phrase opens with the hits above the transcript, the reply that fired them marked,
 * and the scorecard categories they speak to flagged. The reviewer overrules one hit (its flag
 * goes), scores from the keyboard and submits; once synced the review still carries the overrule.
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

test('a reviewer sees what auto-QA found, overrules one hit and submits the review', async ({ page }) => {
  await signIn(page, stack, DEMO_REVIEWER);
  await expect(page.getByTestId('qa-screen')).toBeVisible();
  await page.getByTestId('qa-row').filter({ hasText: '王芳' }).click();
  const pane = page.getByTestId('qa-pane');
  await expect(pane).toBeFocused();

  const hits = pane.getByTestId('qa-auto-hit');
  await expect(hits).toHaveCount(3);
  await expect(hits.filter({ hasText: 'Forbidden phrases' })).toContainText('“不归我管”');
  await expect(pane.getByTestId('qa-auto')).toContainText('3 hits');

  // The reply that fired them is marked in the transcript.
  const reply = pane.getByTestId('qa-message').filter({ hasText: '不归我管' });
  await expect(reply.getByTestId('qa-message-flag')).toHaveText(['Greeting', 'Closing', 'Forbidden phrases']);
  // And the categories they speak to are flagged on the scorecard.
  const greeting = pane.locator('[data-testid="qa-category"][data-category="greeting"]');
  await expect(greeting.getByTestId('qa-category-flag')).toHaveText('Auto-QA: Greeting');
  await expect(
    pane.locator('[data-testid="qa-category"][data-category="empathy"]').getByTestId('qa-category-flag'),
  ).toHaveText('Auto-QA: Forbidden phrases');

  // The reviewer disagrees about the greeting: its flag goes, the others stay.
  await hits.filter({ hasText: 'Greeting' }).getByTestId('qa-auto-overrule').click();
  await expect(hits.filter({ hasText: 'Greeting' }).getByTestId('qa-auto-overrule')).toHaveText(
    'Overruled · undo',
  );
  await expect(greeting.getByTestId('qa-category-flag')).toHaveCount(0);
  await expect(reply.getByTestId('qa-message-flag')).toHaveText(['Closing', 'Forbidden phrases']);

  // Back to the keyboard: greeting yes, understanding 3, accuracy 3, empathy 1, closing no.
  await pane.focus();
  for (const key of ['1', '3', '3', '1', '0']) await page.keyboard.press(key);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('qa-submitted')).toHaveText(/^Submitted (?!\(not synced)/, {
    timeout: 15_000,
  });

  // The server's review carries the overrule: the hit stays overruled, and can no longer change.
  const overruled = pane
    .getByTestId('qa-auto-hit')
    .filter({ hasText: 'Greeting' })
    .getByTestId('qa-auto-overrule');
  await expect(overruled).toHaveText('Overruled · undo');
  await expect(overruled).toBeDisabled();
});
