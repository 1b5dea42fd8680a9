/**
 * Learning from agents, in the browser: customers ask about a plan the classifier has never
 * heard of ("Kelpwave") and it says it is unsure; the agent labels three of those messages
 * "Billing" with the correction menu under each; the admin opens Admin → Classifier, sees the
 * corrections waiting, clicks "Retrain now", and version 2 (measured on the evaluation set, no
 * figure worse) takes over; the next Kelpwave message arrives tagged Billing. The admin then
 * makes version 1 active again.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_AGENT, signIn, type Stack, startStack } from './harness';

const ADMIN = { email: 'admin@demo.switchboard', password: 'switchboard' };
/** Training and scoring two models on a busy CI machine: a bound, not a measurement. */
const TRAINING_BOUND_MS = 120_000;

let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

async function openConversation(page: Page, conversationId: string) {
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  return page.getByTestId('conversation-view').locator('[data-testid="message"][data-direction="in"]');
}

test('corrections made in conversations train a version an admin can promote and roll back', async ({ page, browser }) => {
  test.setTimeout(4 * TRAINING_BOUND_MS);
  const stamp = Date.now();
  const ask = (n: number, text: string) =>
    stack.ingest({ channel: 'chat', externalId: `kelp-${stamp}-${n}`, contact: { externalId: `kelp-${stamp}-${n}`, name: `访客 ${n}` }, text });

  await signIn(page, stack, DEMO_AGENT);
  await page.getByTestId('scope-tab-myTeams').click();
  for (const [n, text] of ['kelpwave plan question', 'about my kelpwave', 'kelpwave 套餐'].entries()) {
    const { conversationId } = await ask(n, text);
    const messages = await openConversation(page, conversationId);
    await expect(messages.nth(0).getByTestId('insight-unsure')).toBeVisible();
    await messages.nth(0).getByTestId('insight-correct').locator('summary').click();
    await messages.nth(0).getByTestId('correct-issue-billing').click();
    await expect(messages.nth(0).locator('[data-testid="issue-tag"][data-issue-type="billing"]')).toBeVisible();
  }

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, stack, ADMIN);
  await admin.getByTestId('nav-admin').click();
  await admin.getByTestId('admin-tab-models').click();
  await expect(admin.getByTestId('models-active')).toContainText(/shipped|出厂/);
  await expect(admin.getByTestId('models-new-corrections')).toContainText('3');
  await admin.getByTestId('models-retrain').click();

  const v2 = admin.locator('[data-testid="model-version"]', { hasText: /Version 2|版本 2/ });
  await expect(v2).toHaveAttribute('data-status', 'active', { timeout: TRAINING_BOUND_MS });
  await expect(v2.getByTestId('model-decision')).toContainText('not worse than v1');
  await expect(admin.getByTestId('models-active')).toContainText(/Version 2|版本 2/);
  await expect(admin.locator('[data-testid="model-version"][data-status="retired"]')).toHaveCount(1);
  await admin.screenshot({ path: test.info().outputPath('admin-models.png'), fullPage: true });

  // The node loads version 2: a new Kelpwave question is tagged, not unsure.
  await expect(async () => {
    const { conversationId } = await ask(10, 'kelpwave?');
    const messages = await openConversation(page, conversationId);
    await expect(messages.nth(0).locator('[data-testid="issue-tag"][data-issue-type="billing"]')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: TRAINING_BOUND_MS });

  // Rollback: version 1 is in use again.
  await admin.locator('[data-testid="model-version"]', { hasText: /Version 1|版本 1/ }).getByTestId('model-activate').click();
  await expect(admin.locator('[data-testid="model-version"]', { hasText: /Version 1|版本 1/ })).toHaveAttribute('data-status', 'active');
  await expect(v2).toHaveAttribute('data-status', 'retired');
  await adminContext.close();
});
