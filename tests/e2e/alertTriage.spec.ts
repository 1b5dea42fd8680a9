/**
 * Alert triage on the Live screen in the real UI: repeated negative messages of one customer
 * show as one card with a count and the latest words, cards are ordered and coloured by
 * severity, a lead acknowledges a selection, mutes a conversation (and unmutes it), takes one
 * with "Assign to me", and acknowledges everything shown. Screenshots in English and Chinese go
 * to .tmp/ for a look.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_ALERT_SETTINGS } from '../../shared/alerts';
import { DEMO_CHANNEL_TOKENS } from '../../server/demo/seed';
import { DEMO_LEAD, signIn, type Stack, startStack } from './harness';

let stack: Stack;
const stamp = Date.now();
const ANGRY = '太差劲了，等了一个星期还没发货，气死我了';
const ANGRIER = '你们的客服态度太恶劣了，我非常生气';

test.beforeAll(async () => {
  stack = await startStack({
    // Every negative message escalates (no cool-down) and no hourly budget: the screen decides.
    bot: { sentimentAlertCooldownMs: 0 },
    alertSettings: {
      ...DEFAULT_ALERT_SETTINGS,
      negative_sentiment: { ...DEFAULT_ALERT_SETTINGS.negative_sentiment, maxPerTeamPerHour: 0 },
    },
  });
});
test.afterAll(async () => {
  await stack?.stop();
});

let sequence = 0;
const write = (name: string, text: string, tier?: 'vip') =>
  stack.ingest({
    channel: 'email',
    externalId: `triage-e2e-${stamp}-${++sequence}`,
    contact: { externalId: `triage-e2e-${name}-${stamp}`, name, ...(tier ? { tier } : {}) },
    subject: '投诉 Complaint',
    text,
  });

/** The customer's CSAT answer through the conversation's channel (email here). */
async function rate(conversationId: string, score: number, comment: string): Promise<void> {
  const response = await fetch(`${stack.serverUrl}/api/v1/ingest/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.email}` },
    body: JSON.stringify({ conversationId, kind: 'csat', score, comment }),
  });
  expect(response.status).toBe(202);
}

const card = (page: Page, name: string) => page.getByTestId('live-alert-group').filter({ hasText: name });

test('a lead triages grouped alerts: counts, severity, bulk acknowledge, mute, assign to me', async ({ page }) => {
  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('nav-live').click();
  await expect(page.getByTestId('live-alerts-empty')).toBeVisible();

  await write('何俊杰', ANGRY);
  await write('何俊杰', ANGRIER);
  await write('Amy Lee', 'This is terrible, I am very angry, worst service ever', 'vip');
  await write('王芳', ANGRY);
  // A calm customer who then rates the service 1 of 5: a low-survey card, a warning.
  const calm = await write('李雷', '你好，请问发票怎么开？');
  await rate(calm.conversationId, 1, '没解决');

  // One card per conversation: 何俊杰's two messages are one alert counted twice, with the latest words.
  await expect(page.getByTestId('live-alert-group')).toHaveCount(4, { timeout: 20_000 });
  const li = card(page, '李雷');
  await expect(li.getByTestId('live-alert-severity')).toHaveText('Warning');
  await expect(li.locator('[data-testid="live-alert"][data-kind="low_survey"]')).toContainText('Rated satisfaction 1 of 5: “没解决”');
  // Most severe first: the three critical cards above the warning.
  await expect(page.getByTestId('live-alert-group').last()).toContainText('李雷');
  const he = card(page, '何俊杰');
  await expect(he.getByTestId('live-alert')).toHaveCount(1);
  await expect(he.getByTestId('live-alert-count')).toHaveText('×2', { timeout: 10_000 });
  await expect(he).toContainText(ANGRIER);
  await expect(he.getByTestId('live-alert-severity')).toHaveText('Critical');
  await expect(page.getByTestId('live-unacknowledged')).toHaveText('4 unacknowledged');
  await page.screenshot({ path: '.tmp/live-alerts-en.png', fullPage: true });
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(he.getByTestId('live-alert-severity')).toHaveText('严重');
  await page.screenshot({ path: '.tmp/live-alerts-zh-CN.png', fullPage: true });
  await page.getByTestId('language-switch').selectOption('en');

  // Select two cards and acknowledge them together.
  await he.getByTestId('live-alert-select').check();
  await card(page, '王芳').getByTestId('live-alert-select').check();
  await expect(page.getByTestId('live-alert-acknowledge-selected')).toHaveText('Acknowledge selected (2)');
  await page.getByTestId('live-alert-acknowledge-selected').click();
  await expect(page.getByTestId('live-alert-group')).toHaveCount(2);
  await expect(card(page, 'Amy Lee')).toBeVisible();
  await expect(page.getByTestId('live-unacknowledged')).toHaveText('2 unacknowledged');
  await expect(page.getByTestId('live-alerts-done').getByTestId('live-alert')).toHaveCount(2);

  // Mute Amy Lee for an hour: her card goes (acknowledged), she is listed as muted, and writes in vain.
  await card(page, 'Amy Lee').getByTestId('live-alert-mute').selectOption('60');
  await expect(page.getByTestId('live-alert-group')).toHaveCount(1);
  const muted = page.getByTestId('live-mute').filter({ hasText: 'Amy Lee' });
  await expect(muted).toBeVisible();
  await write('Amy Lee', 'Still nobody? This is terrible, I am very angry');
  await write('Olivia Brandt', 'This is terrible, I am very angry, worst service ever');
  await expect(card(page, 'Olivia Brandt')).toBeVisible({ timeout: 20_000 });
  await expect(card(page, 'Amy Lee')).toHaveCount(0);
  await expect(page.getByTestId('live-alert-group')).toHaveCount(2);
  await muted.getByTestId('live-unmute').click();
  await expect(page.getByTestId('live-mute')).toHaveCount(0);

  // Assign to me from the card.
  const olivia = card(page, 'Olivia Brandt');
  await olivia.getByTestId('live-alert-assign').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Assigned to you: Olivia Brandt' })).toBeVisible();

  // Acknowledge everything shown.
  await write('王芳', '还是没人回复，太差劲了，气死我了');
  await expect(page.getByTestId('live-alert-group')).toHaveCount(3, { timeout: 20_000 });
  await expect(page.getByTestId('live-alert-acknowledge-all')).toHaveText('Acknowledge all shown (3)');
  await page.getByTestId('live-alert-acknowledge-all').click();
  await expect(page.getByTestId('live-alerts-empty')).toBeVisible();
  await expect(page.getByTestId('live-unacknowledged')).toHaveText('0 unacknowledged');
  await expect(page.getByTestId('nav-badge')).toHaveCount(0);

  // Open from the card takes the lead to the conversation.
  await page.getByTestId('live-alerts-done').getByTestId('live-alert').filter({ hasText: '王芳' }).first().locator('.live-alert-main').click();
  await expect(page.getByTestId('nav-inbox')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: '王芳' }).first()).toBeVisible();
});
