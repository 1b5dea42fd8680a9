/**
 * A lead's KPI view in the real UI (Live → KPIs) over traffic that arrived through the ingest
 * API: three chats and a 184-second phone call today, an agent answering one chat, a customer
 * rating 2 and then re-rating 5 (counted once, as 5) and another rating 3; the tiles, the daily
 * trend, the breakdown by channel, a channel filter, the CSV export, and screenshots in zh-CN and
 * en, light and dark, into .tmp/ for a person to look at.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { SOCKET_EVENTS } from '../../shared/contracts/socket';
import { addDays, dayIn } from '../../shared/kpi';
import { DEMO_AGENT, DEMO_LEAD, signIn, type Stack, startStack } from './harness';

let stack: Stack;
const SHOTS = join(__dirname, '../../.tmp');

async function login(email: string): Promise<string> {
  const response = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_AGENT.password }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** li.na answers a conversation over her own socket, as her workstation would. */
async function agentReplies(conversationId: string): Promise<void> {
  const socket = io(stack.serverUrl, { auth: { token: await login(DEMO_AGENT.email) }, transports: ['websocket'], forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ack = (await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.push, {
      clientId: randomUUID(),
      mutations: [{ mutationId: 1, name: 'message.send', args: { conversationId, messageId: randomUUID(), kind: 'text', text: '您好，马上为您查询。' } }],
    })) as { ok: boolean; data?: { results: Array<{ ok: boolean }> } };
    expect(ack.ok && ack.data?.results[0]?.ok).toBe(true);
  } finally {
    socket.close();
  }
}

async function rate(conversationId: string, kind: 'csat' | 'nps', score: number): Promise<void> {
  const response = await fetch(`${stack.serverUrl}/api/v1/ingest/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-chat-token' },
    body: JSON.stringify({ conversationId, kind, score }),
  });
  expect(response.status).toBe(202);
}

const chat = (text: string) =>
  stack.ingest({ channel: 'chat', externalId: randomUUID(), contact: { externalId: randomUUID(), name: '王芳' }, text });

test.beforeAll(async () => {
  stack = await startStack();
  const first = await chat('我的快递三天没动了');
  const second = await chat('优惠券怎么用？');
  await chat('Where is my refund?');
  await stack.ingest({
    channel: 'voice',
    externalId: randomUUID(),
    contact: { externalId: '+8613800000000', name: '陈静' },
    text: 'Caller reports the air conditioner is not cooling',
    call: { durationSec: 184 },
  });
  await agentReplies(first.conversationId);
  await rate(first.conversationId, 'csat', 2);
  await rate(first.conversationId, 'csat', 5);
  await rate(second.conversationId, 'csat', 3);
  await rate(first.conversationId, 'nps', 10);
});
test.afterAll(async () => {
  await stack?.stop();
});

async function openKpis(page: Page): Promise<void> {
  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('nav-live').click();
  await page.getByTestId('live-tab-kpi').click();
  await expect(page.getByTestId('kpi-tiles')).toBeVisible();
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // The Live screen scrolls inside the window: a taller window shows the whole view.
  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.screenshot({ path: join(SHOTS, name) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a lead reads today’s KPIs of what was ingested, filters by channel and exports them', async ({ page }) => {
  await openKpis(page);
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('kpi-period-today')).toHaveAttribute('aria-checked', 'true');

  await expect(page.getByTestId('kpi-tile-conversations')).toContainText('4');
  // The re-rated answer counts once, as 5: one satisfied (5) of two (5 and 3).
  await expect(page.getByTestId('kpi-tile-csat')).toContainText('50%');
  await expect(page.getByTestId('kpi-tile-csat')).toContainText('Answers: 2');
  await expect(page.getByTestId('kpi-tile-nps')).toContainText('+100');
  await expect(page.getByTestId('kpi-tile-first-response')).toContainText('answered: 1');
  await expect(page.getByTestId('kpi-tile-handle-time')).toContainText('3m');
  await expect(page.getByTestId('kpi-tile-handle-time')).toContainText('Calls: 1');
  await expect(page.getByTestId('kpi-tile-transfer')).toContainText('0 of 1 handled');
  await expect(page.getByTestId('kpi-chart').locator('svg.recharts-surface').first()).toBeVisible();

  await page.getByTestId('kpi-by-channel').click();
  const rows = page.getByTestId('kpi-breakdown').getByTestId('kpi-breakdown-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Chat' })).toContainText('3');
  await expect(rows.filter({ hasText: 'Phone' })).toContainText('1');
  await screenshot(page, 'kpi-en-light.png');

  await page.getByTestId('kpi-filter-channel').selectOption('voice');
  await expect(page.getByTestId('kpi-tile-conversations')).toContainText('1');
  await expect(page.getByTestId('kpi-tile-csat')).toContainText('—');
  await page.getByTestId('kpi-filter-channel').selectOption('');
  await expect(page.getByTestId('kpi-tile-conversations')).toContainText('4');

  // A range of days in the centre's time zone (the demo's calendars: Asia/Shanghai), the last one
  // included: yesterday alone holds nothing, yesterday to today the same traffic, in today's row.
  const today = dayIn('Asia/Shanghai', new Date());
  const yesterday = addDays(today, -1);
  await page.getByTestId('kpi-period-range').click();
  await page.getByTestId('kpi-range-from').fill(yesterday);
  await page.getByTestId('kpi-range-to').fill(yesterday);
  await expect(page.getByTestId('kpi-empty')).toBeVisible();
  await page.getByTestId('kpi-range-to').fill(today);
  await expect(page.getByTestId('kpi-tile-conversations')).toContainText('4');
  await page.getByTestId('kpi-by-day').click();
  const days = page.getByTestId('kpi-breakdown').getByTestId('kpi-breakdown-row');
  await expect(days).toHaveCount(2);
  expect(await days.evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-key'), row.querySelector('td')?.textContent]))).toEqual([
    [yesterday, '0'],
    [today, '4'],
  ]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('kpi-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^kpi-report_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toContain('dimension,key,name,conversations,first_response_median_sec');
  const overall = lines.find((line) => line.startsWith('overall,'))!.split(',');
  expect(overall[3]).toBe('4');
  expect(lines.some((line) => line.startsWith('channel,voice,Phone,1,'))).toBe(true);
});

test('the KPI view reads in Chinese and in the dark theme', async ({ page }) => {
  await openKpis(page);
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('live-tab-kpi')).toHaveText('KPI 指标');
  await expect(page.getByTestId('kpi-tile-csat')).toContainText('满意度 CSAT');
  await expect(page.getByTestId('kpi-tile-csat')).toContainText('50%');
  await page.getByTestId('kpi-by-team').click();
  await screenshot(page, 'kpi-zh-CN-light.png');

  const theme = page.getByTestId('theme-switch');
  if ((await theme.getAttribute('aria-pressed')) !== 'true') await theme.click();
  await expect(theme).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'kpi-zh-CN-dark.png');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('live-tab-kpi')).toHaveText('KPIs');
  await screenshot(page, 'kpi-en-dark.png');
});
