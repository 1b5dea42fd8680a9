/**
 * Canned responses end to end: `/ref`, Enter, fill the prompt, send — and the message the server
 * stored (read back over the sync protocol, as any client would) holds the rendered text.
 */
import { expect, test } from '@playwright/test';
import { io } from 'socket.io-client';
import type { Change, PullResponse } from '../../shared/contracts/sync';
import { type Ack, SOCKET_EVENTS } from '../../shared/contracts/socket';
import { DEMO_AGENT, startStack, type Stack, signIn } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});


/** Every message the server stored for a conversation, pulled as the demo agent. */
async function serverMessages(conversationId: string): Promise<string[]> {
  const login = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_AGENT),
  });
  const { token } = (await login.json()) as { token: string };
  const socket = io(stack.serverUrl, { auth: { token }, transports: ['websocket'], reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const texts: string[] = [];
    let cursor = 0;
    for (;;) {
      const ack = (await socket.emitWithAck(SOCKET_EVENTS.pull, { cursor, limit: 1000 })) as Ack<PullResponse>;
      if (!ack.ok) throw new Error(ack.error.message);
      for (const change of ack.data.changes as Change[]) {
        if (change.type === 'message.created' && change.message.conversationId === conversationId && change.message.direction === 'out')
          texts.push(change.message.text);
      }
      cursor = ack.data.cursor;
      if (!ack.data.hasMore) return texts;
    }
  } finally {
    socket.close();
  }
}

test('an agent answers with /ref, Enter, a filled prompt and one send; the server stores the rendered text', async ({ page }) => {
  await signIn(page, stack);
  await page.getByTestId('scope-tab-myTeams').click();
  const stamp = Date.now();
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `canned-${stamp}`,
    contact: { externalId: `canned-contact-${stamp}`, name: '张伟' },
    text: `我申请的退款怎么还没到账？${stamp}`,
  });
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  await expect(page.getByTestId('conversation-view')).toContainText('还没到账');

  // Suggestions for the customer's message: the refund response is among the top three.
  await expect(page.getByTestId('canned-suggestions')).toContainText('退款进度');

  const input = page.getByTestId('composer-input');
  await input.click();
  await input.pressSequentially('/ref');
  const menu = page.getByTestId('canned-menu');
  await expect(menu.getByTestId('canned-option').first()).toContainText('/refund');
  await input.press('ArrowDown');
  await expect(menu.getByTestId('canned-option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await input.press('ArrowUp');
  await expect(menu.getByTestId('canned-option').first()).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');

  const prompt = page.getByTestId('canned-prompt');
  await expect(prompt).toBeVisible();
  await prompt.getByTestId('canned-prompt-input').fill(`SO-${stamp}`);
  await prompt.getByTestId('canned-prompt-input').press('Enter');
  await expect(prompt).toBeHidden();

  // The draft keeps the template; the preview shows it filled in.
  await expect(input).toHaveValue(/\{\{contact\.name \| "您好"\}\}，已为您查询订单 SO-\d+ 的退款/);
  await expect(page.getByTestId('canned-preview')).toContainText(`张伟，已为您查询订单 SO-${stamp} 的退款`);
  await expect(page.getByTestId('canned-blocked')).toHaveCount(0);

  await input.press('Control+Enter');
  const sent = page.getByTestId('conversation-view').locator('[data-testid="message"][data-direction="out"]');
  await expect(sent.filter({ hasText: `张伟，已为您查询订单 SO-${stamp} 的退款` })).toBeVisible();
  await expect(input).toHaveValue('');

  // One key inserts the first suggestion; Esc in its prompt leaves the composer as it was.
  await input.press('Alt+1');
  await expect(prompt).toBeVisible();
  await prompt.getByTestId('canned-prompt-input').press('Escape');
  await expect(prompt).toBeHidden();
  await expect(input).toHaveValue('');

  await expect
    .poll(async () => (await serverMessages(conversationId)).find((text) => text.includes(`SO-${stamp}`)) ?? '')
    .toMatch(new RegExp(`^张伟，已为您查询订单 SO-${stamp} 的退款：退款已原路退回`));
  expect((await serverMessages(conversationId)).some((text) => text.includes('{{'))).toBe(false);
});

test('an unresolved placeholder blocks sending, and the draft survives switching conversations', async ({ page }) => {
  await signIn(page, stack);
  await page.getByTestId('scope-tab-myTeams').click();
  const stamp = Date.now();
  const first = await stack.ingest({
    channel: 'chat',
    externalId: `canned-a-${stamp}`,
    contact: { externalId: `canned-a-${stamp}`, name: 'Olivia Grant' },
    text: `Where is my parcel? ${stamp}`,
  });
  const second = await stack.ingest({
    channel: 'chat',
    externalId: `canned-b-${stamp}`,
    contact: { externalId: `canned-b-${stamp}`, name: 'Ming', attributes: { order_id: `A-${stamp}` } },
    text: `Hello ${stamp}`,
  });
  const row = (id: string) => page.locator(`[data-testid="inbox-row"][data-conversation-id="${id}"]`);
  // Both rows first: a row arriving later would shift the list under the click.
  await expect(row(second.conversationId)).toBeVisible();
  await expect(row(first.conversationId)).toBeVisible();
  await row(first.conversationId).click();
  await expect(page.getByTestId('conversation-view')).toHaveAttribute('data-conversation-id', first.conversationId);
  const input = page.getByTestId('composer-input');
  await input.fill('Your order {{contact.attributes.order_id}} is on its way');
  await expect(page.getByTestId('canned-blocked')).toContainText('contact.attributes.order_id');
  await expect(page.getByTestId('composer-send')).toBeDisabled();

  await row(second.conversationId).click();
  await expect(input).toHaveValue('');
  await row(first.conversationId).click();
  await expect(input).toHaveValue('Your order {{contact.attributes.order_id}} is on its way');

  await input.fill('Your order {{contact.attributes.order_id | "(see email)"}} is on its way');
  await expect(page.getByTestId('composer-send')).toBeEnabled();

  // A contact whose channel sent the attribute: it resolves, and sending is allowed.
  await row(second.conversationId).click();
  await input.fill('Your order {{contact.attributes.order_id}} is on its way');
  await expect(page.getByTestId('canned-preview')).toContainText(`Your order A-${stamp} is on its way`);
  await expect(page.getByTestId('composer-send')).toBeEnabled();
});

test('an agent manages a personal response on the Canned responses screen and uses it in a reply', async ({ page }) => {
  await signIn(page, stack);
  await page.getByTestId('nav-canned').click();
  const screen = page.getByTestId('canned-screen');
  await expect(screen.getByTestId('canned-item').first()).toBeVisible();

  // A bad CSV is refused as a whole, row by row.
  await screen.getByTestId('canned-import-file').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('title,shortcut,body,language\nOk,ok-row,Fine,en\nBroken,has space,Text,xx\n'),
  });
  await expect(screen.getByTestId('canned-notice')).toContainText('Row 3');
  await screen.getByTestId('canned-search').fill('ok-row');
  await expect(screen.getByTestId('canned-item')).toHaveCount(0);

  const stamp = Date.now().toString(36);
  await screen.getByTestId('canned-new').click();
  await screen.getByTestId('canned-field-title').fill('Callback promise');
  await screen.getByTestId('canned-field-shortcut').fill(`/cb${stamp}`);
  await screen.getByTestId('canned-field-body').fill('Hi {{contact.name | "there"}}, {{agent.name}} will call you back today.');
  await screen.getByTestId('canned-save').click();
  await screen.getByTestId('canned-search').fill(`cb${stamp}`);
  await expect(screen.getByTestId('canned-item')).toHaveCount(1);
  await expect(screen.getByTestId('canned-item')).toContainText('Callback promise');

  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('scope-tab-myTeams').click();
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `canned-c-${stamp}`,
    contact: { externalId: `canned-c-${stamp}`, name: 'Noah' },
    text: 'Can someone call me?',
  });
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  const input = page.getByTestId('composer-input');
  await input.click();
  await input.pressSequentially(`/cb${stamp}`);
  await input.press('Enter');
  await expect(page.getByTestId('canned-preview')).toContainText('Hi Noah, 李娜 Li Na will call you back today.');
});
