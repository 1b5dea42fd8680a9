/**
 * The team lead's Live screen in the real UI: a chat under a 6-second first-response policy
 * breaches, the alert appears for the lead (with the rail badge), the lead acknowledges it and
 * it leaves the unacknowledged list; the other tabs show the team queues and the SLA report.
 */
import { expect, test } from '@playwright/test';
import { DEMO_LEAD, quickChatPolicies, signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({
    vipWaitMs: 3_000,
    slaPolicies: quickChatPolicies(0.1),
  });
});
test.afterAll(async () => {
  await stack?.stop();
});

test('a lead sees a breach alert appear, acknowledges it, and it leaves the unacknowledged list', async ({
  page,
}) => {
  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('nav-live').click();
  await expect(page.getByTestId('live-screen')).toBeVisible();
  await expect(page.getByTestId('live-alerts-empty')).toBeVisible();
  await expect(page.getByTestId('nav-badge')).toHaveCount(0);

  const stamp = Date.now();
  await stack.ingest({
    channel: 'chat',
    externalId: `live-e2e-${stamp}`,
    contact: { externalId: `live-e2e-contact-${stamp}`, name: 'Olivia Brandt' },
    text: 'Hello? I have been waiting.',
  });

  const openList = page.getByTestId('live-alerts-open');
  // Open alerts are grouped per conversation: the card names the customer, its rows the alerts.
  const alertCard = openList.getByTestId('live-alert-group').filter({ hasText: 'Olivia Brandt' });
  const alert = alertCard.locator(`[data-testid="live-alert"][data-kind="sla_breached"]`);
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('First response overdue');
  await expect(page.getByTestId('live-unacknowledged')).toHaveText('1 unacknowledged');
  await expect(page.getByTestId('nav-badge')).toHaveText('1');

  // The acknowledge button is on the conversation's card, which holds the alert.
  await alertCard.getByTestId('live-alert-acknowledge').click();
  await expect(openList).toHaveCount(0);
  await expect(page.getByTestId('live-alerts-empty')).toBeVisible();
  await expect(page.getByTestId('live-unacknowledged')).toHaveText('0 unacknowledged');
  await expect(page.getByTestId('nav-badge')).toHaveCount(0);
  const done = page
    .getByTestId('live-alerts-done')
    .getByTestId('live-alert')
    .filter({ hasText: 'Olivia Brandt' });
  await expect(done.getByTestId('live-alert-acknowledged')).toContainText('Acknowledged by 刘洋 Liu Yang', {
    timeout: 10_000,
  });

  // A VIP left waiting in the queue: one alert of its own kind, worded for it.
  await stack.ingest({
    channel: 'email',
    externalId: `live-e2e-vip-${stamp}`,
    contact: { externalId: `live-e2e-vip-contact-${stamp}`, name: '王建国', tier: 'vip' },
    subject: '订单咨询',
    text: '请尽快联系我',
  });
  const vipCard = openList.getByTestId('live-alert-group').filter({ hasText: '王建国' });
  const vip = vipCard.locator('[data-testid="live-alert"][data-kind="vip_waiting"]');
  await expect(vip).toBeVisible({ timeout: 20_000 });
  await expect(vip).toContainText('VIP customer waiting');
  await expect(page.getByTestId('toast').filter({ hasText: 'VIP customer waiting: 王建国' })).toBeVisible();
  await expect(page.getByTestId('nav-badge')).toHaveText('1');
  await vipCard.getByTestId('live-alert-acknowledge').click();
  await expect(page.getByTestId('nav-badge')).toHaveCount(0);

  // Queues: the breached chat waits in 售前 and counts as at risk.
  await page.getByTestId('live-tab-queues').click();
  const presales = page.locator('[data-testid="live-team"][data-team-id="team-presales"]');
  await expect(presales.getByTestId('live-waiting')).toHaveText('1');
  await expect(presales.getByTestId('live-at-risk')).toHaveText('1');
  await expect(presales.getByTestId('live-auto-assign')).toBeVisible();
  await expect(presales.locator('[data-testid="live-agent"][data-agent-id="agent-li-na"]')).toBeVisible();
  // The lead sets Li Na away from the board; it says since when.
  const liNa = presales.locator('[data-testid="live-agent"][data-agent-id="agent-li-na"]');
  await liNa.getByTestId('live-agent-status').selectOption('away');
  await expect(liNa.getByTestId('live-agent-since')).toContainText('since just now');
  await expect(liNa.getByTestId('live-agent-status')).toHaveValue('away');
  await expect(presales.getByTestId('live-breached')).toHaveText('1');
  // Today's service level: the one first response due today was missed.
  await expect(presales.getByTestId('live-service-level')).toHaveText('0%');

  // The report counts the breach today.
  await page.getByTestId('live-tab-report').click();
  await page.getByTestId('live-period-today').click();
  await expect(page.getByTestId('live-report-breaches')).toContainText('Olivia Brandt');

  // Clicking the alert opens the conversation in the inbox.
  await page.getByTestId('live-tab-alerts').click();
  await done.locator('.live-alert-main').click();
  await expect(page.getByTestId('nav-inbox')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Olivia Brandt' }).first()).toBeVisible();
  await expect(page.getByTestId('conversation-sla').getByTestId('sla-chip')).toHaveAttribute(
    'data-tone',
    'breached',
  );
});
