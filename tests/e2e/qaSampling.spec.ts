/**
 * A lead edits the sampling rules in the real UI: the demo lead opens Quality → Sampling, sees the
 * demo's three daily rules, raises the pre-sales rule's random part from 10 % to 20 % and adds the
 * VIP condition, saves, and finds both kept after a reload and served by the server. A rule without
 * reviewers is held back at the field; screenshots in English and Chinese go to .tmp/.
 */
import { expect, test, type Page } from '@playwright/test';
import type { SamplingRule } from '../../shared/qa/sampling';
import { DEMO_LEAD, signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ seedDemoReviews: true });
});
test.afterAll(async () => {
  await stack?.stop();
});

async function openSampling(page: Page): Promise<void> {
  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('nav-qa').click();
  await page.getByTestId('qa-tab-sampling').click();
  await expect(page.getByTestId('admin-savebar')).toBeVisible();
}

/** The lead's sampling rules as the server serves them (outside the app). */
async function serverRules(): Promise<SamplingRule[]> {
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LEAD),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${stack.serverUrl}/api/v1/qa/sampling-rules`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { rules: SamplingRule[] }).rules;
}

test('a lead changes a daily sampling rule and it is kept', async ({ page }) => {
  await openSampling(page);
  const items = page.getByTestId('qa-sampling-item');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText('Daily');
  const presales = items.filter({ hasText: 'Pre-sales' });
  await expect(presales).toContainText('10 %');
  await presales.click();

  const editor = page.getByTestId('qa-sampling-editor');
  await expect(editor.getByLabel('Team')).toHaveValue('team-presales');
  await expect(editor.getByLabel('Time zone')).toHaveValue('Asia/Shanghai');
  await expect(page.getByTestId('qa-sampling-condition-sla_breached')).toBeChecked();
  await expect(page.getByTestId('qa-sampling-condition-vip')).not.toBeChecked();
  await expect(page.getByTestId('qa-sampling-amount')).toHaveValue('10');

  await page.getByTestId('qa-sampling-amount').fill('20');
  await page.getByTestId('qa-sampling-condition-vip').check();
  await expect(page.getByTestId('admin-dirty')).toHaveText('Unsaved changes');
  await expect(page.getByTestId('qa-tab-sampling').getByRole('img', { name: 'has unsaved changes' })).toBeVisible();
  await expect(presales).toContainText('20 %');

  // A rule needs a reviewer: removing the only one holds the save back at the field.
  await page.getByRole('button', { name: /^Remove / }).click();
  await page.getByTestId('admin-save').click();
  await expect(page.getByTestId('admin-fix-first')).toBeVisible();
  await expect(editor.getByTestId('admin-field-error')).toContainText('Add at least one reviewer.');
  await page.getByTestId('qa-sampling-add-reviewer').click();
  await expect(page.getByTestId('qa-sampling-reviewer')).toHaveCount(1);
  await page.getByTestId('qa-sampling-goal').fill('20');

  await page.getByTestId('admin-save').click();
  await expect(page.getByTestId('admin-dirty')).toHaveText('Saved');
  const stored = (await serverRules()).find((rule) => rule.teamId === 'team-presales');
  expect(stored?.random).toEqual({ mode: 'percent', amount: 20 });
  expect(stored?.conditions.map((c) => c.kind)).toContain('vip');
  expect(stored?.reviewers).toHaveLength(1);

  await page.reload();
  await openSampling(page);
  const kept = page.getByTestId('qa-sampling-item').filter({ hasText: 'Pre-sales' });
  await expect(kept).toContainText('20 %');
  await kept.click();
  await expect(page.getByTestId('qa-sampling-amount')).toHaveValue('20');
  await expect(page.getByTestId('qa-sampling-condition-vip')).toBeChecked();
  await expect(page.getByTestId('qa-sampling-condition-sla_breached')).toBeChecked();
  await page.screenshot({ path: '.tmp/qa-sampling-en.png', fullPage: true });
  await page.getByTestId('qa-sampling-add-reviewer').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.tmp/qa-sampling-en-reviewers.png', fullPage: true });
});

test('the Sampling tab in Chinese', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('switchboard.language', 'zh-CN'));
  const page = await context.newPage();
  await openSampling(page);
  await expect(page.getByTestId('qa-tab-sampling')).toHaveText('抽检规则');
  await page.getByTestId('qa-sampling-item').filter({ hasText: '售前' }).click();
  await expect(page.getByTestId('qa-sampling-editor')).toContainText('以下情况必检');
  await page.screenshot({ path: '.tmp/qa-sampling-zh-CN.png', fullPage: true });
  await page.getByTestId('qa-sampling-condition-long_handle').check();
  await page.getByTestId('qa-sampling-condition-channel').check();
  await page.getByTestId('qa-sampling-add-reviewer').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '.tmp/qa-sampling-zh-CN-conditions.png', fullPage: true });
  await context.close();
});
