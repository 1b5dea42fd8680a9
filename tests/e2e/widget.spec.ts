/**
 * A customer on the demo shop's page chats through the web chat widget in Chromium and an agent
 * answers in the workstation: the message lands in the agent's inbox, the agent sees the customer
 * typing, the reply appears in the widget (the internal note does not), the customer sees the
 * agent typing, and after a reload the conversation is still there. Screenshots in zh-CN and en.
 */
import { expect, test } from '@playwright/test';
import { DEMO_AGENT, signIn, type Stack, startStack } from './harness';

let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

test('a customer chats from the widget and an agent answers in the workstation', async ({ page, browser }) => {
  const shopContext = await browser.newContext({ locale: 'zh-CN' });
  const shop = await shopContext.newPage();
  await shop.goto(`${stack.serverUrl}/demo/widget?lang=zh-CN`);
  await shop.getByTestId('widget-open').click();
  await expect(shop.getByTestId('widget-panel')).toBeVisible();
  await expect(shop.getByTestId('widget-status')).toBeEmpty(); // connected
  const question = `请问无线耳机什么时候发货？订单 ${Date.now() % 100000}`;
  await shop.getByTestId('widget-input').fill(question);
  await shop.getByTestId('widget-input').press('Enter');
  const mine = shop.locator('[data-testid="widget-line"][data-from="customer"]');
  await expect(mine).toHaveText(new RegExp(question));
  await expect(mine.getByTestId('widget-line-state')).toHaveCount(0); // acknowledged

  await signIn(page, stack, DEMO_AGENT);
  await page.getByTestId('scope-tab-myTeams').click();
  const row = page.locator('[data-testid="inbox-row"]', { hasText: question });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByTestId('conversation-view')).toContainText(question);

  // The customer types: the agent sees it.
  await shop.getByTestId('widget-input').pressSequentially('还有', { delay: 30 });
  await expect(page.getByTestId('customer-typing')).toBeVisible();

  // The agent types: the customer sees it; then the reply arrives, the note does not.
  await page.getByTestId('composer-input').pressSequentially('您好', { delay: 30 });
  await expect(shop.getByTestId('widget-typing')).toContainText('正在输入');
  await page.getByTestId('composer-input').fill('您好，耳机今天下午发出，明天送达。');
  await page.getByTestId('composer-input').press('Control+Enter');
  await page.getByTestId('composer-mode-note').click();
  await page.getByTestId('composer-input').fill('内部：仓库已确认库存');
  await page.getByTestId('composer-input').press('Control+Enter');
  const agentLine = shop.locator('[data-testid="widget-line"][data-from="agent"]');
  await expect(agentLine).toContainText('您好，耳机今天下午发出，明天送达。');
  await expect(agentLine).toContainText('李娜');
  await expect(page.getByTestId('conversation-view')).toContainText('内部：仓库已确认库存');
  await expect(shop.getByTestId('widget-log')).not.toContainText('内部');
  await shop.screenshot({ path: test.info().outputPath('widget-zh.png') });

  // A reload: the widget opens on the same conversation.
  await shop.reload();
  await expect(shop.getByTestId('widget-panel')).toBeVisible();
  await expect(shop.locator('[data-testid="widget-line"]')).toHaveCount(2);
  await expect(shop.getByTestId('widget-log')).toContainText(question);
  await expect(shop.getByTestId('widget-log')).toContainText('明天送达');
  await shopContext.close();

  // In English, on a fresh browser: a new visitor, empty, in English.
  const enContext = await browser.newContext({ locale: 'en-US' });
  const en = await enContext.newPage();
  await en.goto(`${stack.serverUrl}/demo/widget?lang=en`);
  await en.getByTestId('widget-open').click();
  await expect(en.getByTestId('widget-input')).toHaveAttribute('placeholder', 'Type a message…');
  await expect(en.locator('[data-testid="widget-line"]')).toHaveCount(0);
  await en.getByTestId('widget-input').fill('Hi, can I change my delivery address?');
  await en.getByTestId('widget-send').click();
  await expect(en.locator('[data-testid="widget-line"][data-from="customer"]')).toContainText('delivery address');
  await en.screenshot({ path: test.info().outputPath('widget-en.png') });
  await enContext.close();
});
