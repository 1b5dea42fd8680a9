/**
 * The wallboard with traffic: the lead opens it, holds it on 售前 Pre-sales, and two customers
 * writing in show at once as two more waiting with the longest wait ticking, and in today's
 * conversations; a VIP writing in shows on the VIP team's board; let go, it moves on to the next team by itself.
 */
import { expect, test } from '@playwright/test';
import { DEMO_LEAD, signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

test('the wallboard shows a team’s queue change at once and rotates through the teams', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('switchboard.language', 'en'));
  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('nav-wallboard').click();
  const board = page.getByTestId('wallboard');
  await expect(board).toBeVisible();
  await page.getByTestId('wallboard-pause').click();
  await expect(page.getByTestId('wallboard-pause')).toHaveText('Resume');
  const team = page.getByTestId('wallboard-team');
  for (let i = 0; i < 6 && !/Pre-sales/.test((await team.textContent()) ?? ''); i += 1)
    await page.getByTestId('wallboard-next').click();
  await expect(team).toHaveText(/Pre-sales/);

  const waiting = page.getByTestId('wallboard-waiting');
  await expect(waiting).toHaveText(/^\d+$/);
  const before = Number(await waiting.textContent());
  await expect(page.getByTestId('wallboard-conversations')).toHaveText(/^\d+$/);
  const todayBefore = Number(await page.getByTestId('wallboard-conversations').textContent());

  const stamp = Date.now();
  for (const [i, name] of ['Olivia Brandt', 'Noah Fischer'].entries())
    await stack.ingest({
      channel: 'chat',
      externalId: `wallboard-${stamp}-${i}`,
      contact: { externalId: `wallboard-${stamp}-${i}`, name },
      text: 'Hello? I have been waiting.',
    });
  await expect(waiting).toHaveText(String(before + 2));
  await expect(page.getByTestId('wallboard-longest')).toHaveText(/^\d+:\d\d$/);
  // The waiting line has taken the change as a sample.
  await expect(page.getByTestId('wait-sparkline')).toHaveAttribute('data-points', /^[1-9]\d*$/);
  // Today's figures come from the server's KPI report (each minute, and whenever a team comes up).
  await page.getByTestId('wallboard-next').click();
  for (let i = 0; i < 6 && !/Pre-sales/.test((await team.textContent()) ?? ''); i += 1)
    await page.getByTestId('wallboard-next').click();
  await expect(page.getByTestId('wallboard-conversations')).toHaveText(String(todayBefore + 2));

  // A VIP writes in: the VIP team's board says so, in words a lead reads from across the room.
  await stack.ingest({
    channel: 'chat',
    externalId: `wallboard-${stamp}-vip`,
    contact: { externalId: `wallboard-${stamp}-vip`, name: '王建国', tier: 'vip' },
    text: '请尽快联系我',
  });
  for (let i = 0; i < 6 && !/VIP/.test((await team.textContent()) ?? ''); i += 1)
    await page.getByTestId('wallboard-next').click();
  await expect(page.getByTestId('wallboard-at-risk-extra')).toContainText('1 VIP waiting');

  // Let go: it moves on to another team by itself.
  await page.getByTestId('wallboard-pause').click();
  await expect(team).not.toHaveText(/Pre-sales/, { timeout: 20_000 });
});
