/**
 * The admin's alert settings end to end: the Alerts tab shows the defaults, a change is saved and
 * served by the server's admin API, and a value the server refuses is shown in its own words.
 */
import { expect, test } from '@playwright/test';
import { DEFAULT_ALERT_SETTINGS } from '../../shared/alerts';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { signIn, startStack, type Stack } from './harness';

const ADMIN = { email: 'admin@demo.switchboard', password: DEMO_PASSWORD };
let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

async function serverSettings(): Promise<unknown> {
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${stack.serverUrl}/api/v1/admin/alert-settings`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { settings: unknown }).settings;
}

test('an admin changes the alert settings and the server keeps them', async ({ page }) => {
  await signIn(page, stack, ADMIN);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-alerts').click();
  const form = page.getByTestId('admin-alert-settings');
  await expect(form.getByTestId('admin-alerts-negative_sentiment-per-hour')).toHaveValue('1');
  await expect(form.getByTestId('admin-alerts-reopen')).not.toBeChecked();

  await form.getByTestId('admin-alerts-negative_sentiment-per-hour').fill('3');
  await form.getByTestId('admin-alerts-vip_waiting-enabled').uncheck();
  await form.getByTestId('admin-alerts-reopen').check();
  await expect(form.getByRole('status')).toHaveText('Unsaved changes');
  await form.getByTestId('admin-alerts-save').click();
  await expect(form.getByRole('status')).toHaveText('Saved');
  expect(await serverSettings()).toEqual({
    ...DEFAULT_ALERT_SETTINGS,
    negative_sentiment: { ...DEFAULT_ALERT_SETTINGS.negative_sentiment, maxPerTeamPerHour: 3 },
    vip_waiting: { ...DEFAULT_ALERT_SETTINGS.vip_waiting, enabled: false },
    reopenOnLowSurvey: true,
  });

  // A score above 0 is refused by the server, which names the field.
  await form.getByTestId('admin-alerts-max-score').fill('0.5');
  await form.getByTestId('admin-alerts-save').click();
  await expect(form.getByRole('alert')).toContainText('settings.negative_sentiment.maxScore');
  await page.screenshot({ path: '.tmp/admin-alert-settings-en.png', fullPage: true });
});
