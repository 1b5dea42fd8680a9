/**
 * The admin's quality-review editors end to end, on the demo centre's quality review (its
 * scorecard and starter auto-QA rules): a forbidden phrase added to the auto-QA rules is saved,
 * served by the server and still there after a reload; a new scorecard category is saved as a new
 * version of the scorecard. Screenshots of both tabs in both languages go to .tmp/.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import type { AutoQaRule } from '../../shared/qa/autoQa';
import { startStack, type Stack } from './harness';

const ADMIN = { email: 'admin@demo.switchboard', password: DEMO_PASSWORD };
let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ seedDemoReviews: true });
});
test.afterAll(async () => {
  await stack?.stop();
});

/** Sign in as the demo admin (or reuse the core's session after a reload) and open one admin tab. */
async function openTab(page: Page, tab: 'autoQa' | 'scorecards'): Promise<void> {
  await page.goto(stack.appUrl);
  const email = page.getByTestId('login-email');
  const nav = page.getByTestId('nav-admin');
  await expect(email.or(nav)).toBeVisible();
  if (await email.isVisible()) {
    await email.fill(ADMIN.email);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
  }
  await nav.click();
  await page.getByTestId(`admin-tab-${tab}`).click();
  await expect(page.getByTestId('admin-savebar')).toBeVisible();
}

/** The auto-QA rules as the server serves them (outside the app). */
async function serverRules(): Promise<AutoQaRule[]> {
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${stack.serverUrl}/api/v1/qa/auto-rules`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { rules: AutoQaRule[] }).rules;
}

test('an admin adds a forbidden phrase to the auto-QA rules; it is saved and kept', async ({ page }) => {
  await openTab(page, 'autoQa');
  const forbidden = page.getByTestId('admin-autoqa-item').filter({ hasText: 'Forbidden phrases' });
  await forbidden.click();
  const editor = page.getByTestId('admin-autoqa-editor');
  // The rule speaks to the demo scorecard's empathy category, offered by name.
  await expect(editor.getByTestId('admin-autoqa-category')).toHaveValue('empathy');
  await expect(editor.getByTestId('admin-autoqa-category').locator('option:checked')).toHaveText(
    '同理心 Empathy',
  );

  // A name left empty is named at its field and blocks the save.
  await editor.getByTestId('admin-autoqa-name-en').fill('');
  await page.getByTestId('admin-save').click();
  await expect(page.getByTestId('admin-fix-first')).toBeVisible();
  await expect(editor.getByTestId('admin-field-error')).toHaveText('Required.');
  await expect(editor.getByTestId('admin-autoqa-name-en')).toHaveAttribute('aria-invalid', 'true');
  await editor.getByTestId('admin-autoqa-name-en').fill('Forbidden phrases');

  const english = editor.getByTestId('admin-autoqa-phrases-en');
  await english.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('that is policy');
  await expect(page.getByTestId('admin-dirty')).toHaveText('Unsaved changes');
  await expect(page.getByTestId('admin-tab-autoQa').getByRole('img')).toBeVisible();
  await page.getByTestId('admin-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Auto-QA rules saved.' })).toBeVisible();
  await expect(page.getByTestId('admin-dirty')).toHaveText('Saved');

  const stored = (await serverRules()).find((rule) => rule.id === 'forbidden');
  expect(stored && 'phrases' in stored ? stored.phrases.en : []).toContain('that is policy');
  expect(stored?.categoryId).toBe('empathy');

  await page.reload();
  await openTab(page, 'autoQa');
  await page.getByTestId('admin-autoqa-item').filter({ hasText: 'Forbidden phrases' }).click();
  const kept = await page.getByTestId('admin-autoqa-phrases-en').inputValue();
  expect(kept.split('\n')).toContain('that is policy');
  expect(kept.split('\n')).toContain('not my problem');
});

test('an admin adds a scorecard category and saves a new version', async ({ page }) => {
  await openTab(page, 'scorecards');
  const card = page.getByTestId('admin-scorecard-item').filter({ hasText: 'Service standard' });
  await expect(card).toContainText('Version 1');
  await card.click();
  const editor = page.getByTestId('admin-scorecard-editor');
  await expect(editor.getByTestId('admin-scorecard-version-note')).toHaveText(
    'Saving creates version 2. Past reviews keep the version they were scored on.',
  );
  const before = await editor.getByTestId('admin-category').count();

  await editor.getByTestId('admin-category-add').click();
  const added = editor.getByTestId('admin-category').nth(before);
  // An id the scorecard already has is named at the field.
  await added.getByTestId('admin-category-id').fill('accuracy');
  await expect(added.getByTestId('admin-field-error')).toHaveText('This id is used twice.');
  await added.getByTestId('admin-category-id').fill('resolution');
  await added.getByTestId('admin-category-name').fill('一次解决 First-contact resolution');
  await added.getByTestId('admin-category-weight').fill('2');
  await added.getByTestId('admin-category-scale').selectOption('4');
  await added.getByTestId('admin-category-na').check();
  await added
    .getByTestId('admin-category-root-causes')
    .fill('转接过多 Too many transfers\n需要回电 Needed a call-back');
  await page.getByTestId('admin-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Scorecards saved' })).toBeVisible();
  await expect(page.getByTestId('admin-dirty')).toHaveText('Saved');
  await expect(card).toContainText('Version 2');

  await page.reload();
  await openTab(page, 'scorecards');
  const reloaded = page.getByTestId('admin-scorecard-item').filter({ hasText: 'Service standard' });
  await expect(reloaded).toContainText('Version 2');
  await reloaded.click();
  const kept = page.getByTestId('admin-scorecard-editor').getByTestId('admin-category');
  await expect(kept).toHaveCount(before + 1);
  const resolution = kept.nth(before);
  await expect(resolution.getByTestId('admin-category-id')).toHaveValue('resolution');
  await expect(resolution.getByTestId('admin-category-scale')).toHaveValue('4');
  await expect(resolution.getByTestId('admin-category-na')).toBeChecked();
  await expect(resolution.getByTestId('admin-category-root-causes')).toHaveValue(
    '转接过多 Too many transfers\n需要回电 Needed a call-back',
  );
  await expect(page.getByTestId('admin-scorecard-version-note')).toContainText('Saving creates version 3');
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`screenshots of both tabs (${language})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((lng) => localStorage.setItem('switchboard.language', lng), language);
    const page = await context.newPage();
    await openTab(page, 'autoQa');
    await page.getByTestId('admin-autoqa-item').nth(2).click();
    await expect(page.getByTestId('admin-autoqa-editor')).toBeVisible();
    await page.screenshot({ path: `.tmp/admin-autoqa-${language}.png` });
    await page.getByTestId('admin-autoqa-item').nth(4).click();
    await page.screenshot({ path: `.tmp/admin-autoqa-seconds-${language}.png` });
    await page.getByTestId('admin-tab-scorecards').click();
    await page.getByTestId('admin-scorecard-item').first().click();
    await expect(page.getByTestId('admin-scorecard-editor')).toBeVisible();
    await page.screenshot({ path: `.tmp/admin-scorecards-${language}.png` });
    await page.getByTestId('admin-category').nth(2).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.tmp/admin-scorecards-categories-${language}.png` });
    // A new greeting rule without phrases, after a save was tried: the problem at its field.
    await page.getByTestId('admin-tab-autoQa').click();
    await page.getByTestId('admin-autoqa-new-kind').selectOption('greeting');
    await page.getByTestId('admin-autoqa-add').click();
    await page.getByTestId('admin-save').click();
    await expect(page.getByTestId('admin-fix-first')).toBeVisible();
    await page.screenshot({ path: `.tmp/admin-autoqa-new-${language}.png` });
    await context.close();
  });
}
