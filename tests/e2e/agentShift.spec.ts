import { expect, test } from '@playwright/test';
import { DEMO_AGENT, startStack, type Stack, signIn } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});


test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto(stack.appUrl);
  await page.getByTestId('login-email').fill(DEMO_AGENT.email);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByTestId('scope-tab-mine')).toHaveCount(0);
});

test('an agent works a conversation: live arrival, reply, note, resolve, search', async ({ page }) => {
  await signIn(page, stack);
  await page.getByTestId('scope-tab-myTeams').click();

  const stamp = Date.now();
  const text = `My parcel has not moved for three days ${stamp}`;
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `e2e-${stamp}`,
    contact: { externalId: `e2e-contact-${stamp}`, name: 'Olivia Grant' },
    text,
  });

  const row = page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Olivia Grant');
  await row.click();

  const view = page.getByTestId('conversation-view');
  await expect(view).toContainText(text);
  await page.getByTestId('action-assign-me').click();

  await page.getByTestId('composer-input').fill('Sorry about that, I am checking with the courier now.');
  await page.getByTestId('composer-input').press('Control+Enter');
  await expect(view.locator('[data-testid="message"][data-direction="out"]').filter({ hasText: 'checking with the courier' })).toBeVisible();

  await page.getByTestId('composer-mode-note').click();
  await page.getByTestId('composer-input').fill('Courier ticket 5521 opened');
  await page.getByTestId('composer-send').click();
  await expect(view.locator('[data-testid="message"][data-kind="note"]').filter({ hasText: 'Courier ticket 5521' })).toBeVisible();

  await page.getByTestId('action-resolve').click();
  await expect(page.getByTestId('action-reopen')).toBeVisible();

  await page.getByTestId('inbox-search').fill(`${stamp}`);
  await expect(page.locator(`[data-conversation-id="${conversationId}"]`).first()).toBeVisible();
});

test('the interface switches between English and Chinese, team names included', async ({ page }) => {
  await signIn(page, stack);
  const { conversationId } = await stack.ingest({
    channel: 'voice',
    externalId: `e2e-lang-${Date.now()}`,
    contact: { externalId: `+86139${Date.now() % 100_000_000}` },
    text: '空调不制冷了',
    call: { durationSec: 95, transcript: [{ atSec: 0, speaker: 'customer', text: '空调不制冷了' }] },
  });
  await page.getByTestId('scope-tab-myTeams').click();
  const row = page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`);
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('scope-tab-mine')).toHaveText('我的');
  await expect(page.getByTestId('nav-inbox')).toContainText('收件箱');
  await expect(row.locator('.row-team')).toHaveText(/^(售前|售后|技术支持)$/);
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('scope-tab-mine')).toHaveText('Mine');
  await expect(page.getByTestId('nav-inbox')).toContainText('Inbox');
  await expect(row.locator('.row-team')).toHaveText(/^(Pre-sales|After-sales|Tech support)$/);

  // Who-did-what lines in the thread follow the language too.
  await row.click();
  await page.getByTestId('action-assign-me').click();
  const line = page.getByTestId('conversation-view').getByTestId('routing-event');
  await expect(line).toHaveText('李娜 Li Na took the conversation');
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(line).toHaveText('李娜 Li Na 接手了会话');
});
