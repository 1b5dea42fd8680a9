/**
 * The bot in the real UI: a chat is answered by the bot from the knowledge base while the
 * conversation shows "With bot" (found with the status filter); then the customer angrily asks
 * for a person. The agent sees the bot's answer marked as the bot's, the handoff with its reason
 * and detected intent, and the negative-sentiment tag in the inbox row.
 */
import { expect, test } from '@playwright/test';
import { signIn, startStack, type Stack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ bot: { channels: ['chat', 'sms', 'social'] } });
});
test.afterAll(async () => {
  await stack?.stop();
});

test('the bot answers first, then hands an unhappy customer to a person with the reason and intent', async ({ page }) => {
  await page.goto(stack.appUrl);
  await page.getByTestId('language-switch').selectOption('en');
  await signIn(page, stack);

  const stamp = Date.now();
  const contact = { externalId: `bot-e2e-${stamp}`, name: 'Grace Howard' };
  const first = await stack.ingest({ channel: 'chat', externalId: `bot-e2e-${stamp}-1`, contact, text: 'What is your return policy?' });

  await page.getByTestId('scope-tab-all').click();
  await page.getByTestId('filters-toggle').click();
  await page.getByTestId('filter-status-bot').click();
  const row = page.locator(`[data-testid="inbox-row"][data-conversation-id="${first.conversationId}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator('[data-status="bot"]')).toHaveText('With bot');
  await row.click();

  const botMessage = page.locator('[data-testid="message"]').filter({ has: page.getByTestId('bot-avatar') });
  await expect(botMessage).toContainText('within 7 days');
  await expect(botMessage).toContainText('kb.return_policy');

  await stack.ingest({
    channel: 'chat',
    externalId: `bot-e2e-${stamp}-2`,
    contact,
    text: 'I want a human now, my refund never arrived and this is terrible service',
  });
  const handoff = page.getByTestId('handoff-event');
  await expect(handoff).toBeVisible();
  await expect(handoff).toHaveAttribute('data-reason', 'asked_for_human');
  await expect(handoff).toContainText('the customer asked for a person');
  await expect(handoff).toContainText('Detected intent: Refund');

  await page.getByTestId('filter-status-bot').click(); // leave the bot filter: it is open now
  await expect(row.locator('[data-status="open"]')).toBeVisible();
  await expect(row.getByTestId('sentiment-tag')).toHaveAttribute('data-sentiment', 'negative');
  await expect(page.getByTestId('conversation-sentiment')).toContainText('Negative');
});
