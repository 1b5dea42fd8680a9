/**
 * The admin screen end to end: an overlapping interval is caught at the field and blocks the save,
 * the fixed calendar is saved and still there after a reload; a new knowledge-base entry is saved,
 * kept after a reload, and served by the server's admin API.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { startStack, type Stack } from './harness';

const ADMIN = { email: 'admin@demo.switchboard', password: DEMO_PASSWORD };
let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

/** Sign in as the demo admin (or reuse the core's session after a reload) and open the admin screen. */
async function openAdmin(page: Page): Promise<void> {
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
  await expect(page.getByTestId('admin-screen')).toBeVisible();
}

/** The admin HTTP API as another admin would use it (outside the app). */
async function adminApi<T>(path: string, body?: unknown): Promise<T> {
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${stack.serverUrl}/api/v1/admin/${path}`, {
    method: body === undefined ? 'GET' : 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function serverKnowledgeIntents(): Promise<string[]> {
  const { entries } = await adminApi<{ entries: Array<{ intent: string }> }>('knowledge-base');
  return entries.map((entry) => entry.intent);
}

test('an overlapping interval is refused at the field; the fixed calendar is saved and kept', async ({
  page,
}) => {
  await openAdmin(page);
  await page.getByTestId('admin-tab-calendars').click();
  await page.getByTestId('admin-calendar-item').first().click();
  const monday = page.getByTestId('admin-day-mon');
  await expect(monday.getByTestId('admin-interval')).toHaveCount(2); // the demo office: 09–12, 13–18

  await monday.getByTestId('admin-interval-add').click();
  const added = monday.getByTestId('admin-interval').nth(2);
  await added.getByTestId('admin-interval-from').fill('17:00');
  await added.getByTestId('admin-interval-to').fill('21:00');
  await expect(added.getByTestId('admin-field-error')).toHaveText(/Overlaps 13:00–18:00/);
  await expect(added.getByTestId('admin-interval-from')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('admin-dirty')).toHaveText('Unsaved changes');

  // Saving with the error does not reach the server.
  await page.getByTestId('admin-save').click();
  await expect(page.getByTestId('admin-fix-first')).toBeVisible();
  await expect(page.getByTestId('admin-dirty')).toHaveText('Unsaved changes');

  await added.getByTestId('admin-interval-from').fill('18:00');
  await expect(added.getByTestId('admin-field-error')).toHaveCount(0);
  await page.getByTestId('admin-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Business calendars saved.' })).toBeVisible();
  await expect(page.getByTestId('admin-dirty')).toHaveText('Saved');

  await page.reload();
  await openAdmin(page);
  await page.getByTestId('admin-tab-calendars').click();
  await page.getByTestId('admin-calendar-item').first().click();
  const kept = page.getByTestId('admin-day-mon').getByTestId('admin-interval');
  await expect(kept).toHaveCount(3);
  await expect(kept.nth(2).getByTestId('admin-interval-from')).toHaveValue('18:00');
  await expect(kept.nth(2).getByTestId('admin-interval-to')).toHaveValue('21:00');
});

test('a new knowledge-base entry is saved and kept', async ({ page }) => {
  await openAdmin(page);
  await page.getByTestId('admin-tab-knowledge').click();
  const before = await page.getByTestId('admin-kb-item').count();
  await page.getByTestId('admin-kb-add').click();
  const editor = page.getByTestId('admin-kb-editor');

  // An intent that is already taken is named at the field.
  await editor.getByTestId('admin-kb-intent').fill('kb.invoice');
  await expect(editor.getByTestId('admin-field-error').first()).toContainText('already uses this intent');
  await editor.getByTestId('admin-kb-intent').fill('kb.gift_wrap');
  await editor.getByTestId('admin-kb-issue-type').selectOption('product_question');
  await editor.getByTestId('admin-kb-team').selectOption('team-presales');
  await editor
    .getByTestId('admin-kb-variants-zh-CN')
    .getByTestId('admin-kb-variant')
    .fill('可以帮忙包装成礼物吗');
  await editor
    .getByTestId('admin-kb-variants-en')
    .getByTestId('admin-kb-variant')
    .fill('Do you offer gift wrapping?');
  await editor.getByTestId('admin-kb-variant-add-en').click();
  await editor
    .getByTestId('admin-kb-variants-en')
    .getByTestId('admin-kb-variant')
    .nth(1)
    .fill('Can you wrap it as a present?');
  await editor.getByTestId('admin-kb-answer-zh-CN').fill('下单时勾选“礼品包装”即可，免费提供贺卡。');
  await editor
    .getByTestId('admin-kb-answer-en')
    .fill('Tick “Gift wrap” at checkout; a card is included for free.');
  await page.getByTestId('admin-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Knowledge base saved.' })).toBeVisible();
  expect(await serverKnowledgeIntents()).toContain('kb.gift_wrap');

  await page.reload();
  await openAdmin(page);
  await page.getByTestId('admin-tab-knowledge').click();
  await expect(page.getByTestId('admin-kb-item')).toHaveCount(before + 1);
  await page.getByTestId('admin-kb-search').fill('gift');
  await expect(page.getByTestId('admin-kb-item')).toHaveCount(1);
  await page.getByTestId('admin-kb-item').click();
  const kept = page.getByTestId('admin-kb-editor');
  await expect(kept.getByTestId('admin-kb-intent')).toHaveValue('kb.gift_wrap');
  await expect(kept.getByTestId('admin-kb-variants-en').getByTestId('admin-kb-variant')).toHaveCount(2);
  await expect(kept.getByTestId('admin-kb-answer-zh-CN')).toHaveValue(
    '下单时勾选“礼品包装”即可，免费提供贺卡。',
  );
});

test("the server's refusal is shown in its own words", async ({ page }) => {
  // Another admin adds a calendar; this admin picks it for a policy; the other admin removes it again.
  type Calendars = { calendars: Array<{ id: string; name: string; calendar: unknown }> };
  const { calendars } = await adminApi<Calendars>('sla/calendars');
  const extra = {
    id: 'cal-night',
    name: 'Night desk',
    calendar: { timeZone: 'Asia/Shanghai', weekly: { mon: [['18:00', '24:00']] } },
  };
  await adminApi('sla/calendars', { calendars: [...calendars, extra] });

  await openAdmin(page);
  await page.getByTestId('admin-policy-item').first().click();
  await page.getByTestId('admin-policy-calendar').selectOption('cal-night');
  await adminApi('sla/calendars', { calendars });

  await page.getByTestId('admin-save').click();
  await expect(page.getByTestId('admin-server-error')).toContainText('unknown calendar "cal-night"');
  await expect(page.getByTestId('admin-dirty')).toHaveText('Unsaved changes');
});
