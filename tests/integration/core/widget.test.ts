/**
 * The web chat widget's wire, against a real server and a real workstation core: a visitor
 * connects to `/visitor`, writes, and the agent's reply comes back live; a reload (the stored
 * visitor token) brings the history back; an internal note and other customers' conversations
 * never reach a visitor; a site's signed-in customer is verified by HMAC and a wrong signature is
 * refused; bad payloads, oversized messages and bursts get clear errors and store nothing; typing
 * travels both ways; the satisfaction survey is answered from the widget.
 */
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WidgetMessage, WidgetSession } from '../../../shared/contracts/widget';
import { VISITOR_NAMESPACE, WIDGET_MESSAGE_MAX_CHARS, WIDGET_RATE_MESSAGES } from '../../../shared/contracts/widget';
import { identityHash } from '../../../server/domain/widget/identity';
import { DEMO_WIDGET_CHANNEL } from '../../../server/demo/seed';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack } from './stack';

type Ack = { ok: true; data: { messageId: string; duplicate: boolean } } | { ok: false; error: { code: string; message: string } };

interface Visitor {
  socket: Socket;
  session: WidgetSession;
  lines: WidgetMessage[];
  typing: Array<{ typing: boolean; name: string | null }>;
  send(text: string, clientId?: string): Promise<Ack>;
}

describe.each(testBackends())('the web chat widget (%s)', (backend) => {
  let stack: Stack;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    stack = await startStack(backend, { surveys: { channels: ['chat'] } });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await stack?.close();
  });

  const open = (auth: Record<string, unknown>, origin?: string): Promise<Visitor> =>
    new Promise((resolve, reject) => {
      const socket = connect(`${stack.url}${VISITOR_NAMESPACE}`, {
        transports: ['websocket'],
        auth,
        reconnection: false,
        forceNew: true,
        ...(origin ? { extraHeaders: { origin } } : {}),
      });
      sockets.push(socket);
      const lines: WidgetMessage[] = [];
      const typing: Visitor['typing'] = [];
      socket.on('widget.message', (line: WidgetMessage) => lines.push(line));
      socket.on('widget.typing', (payload: Visitor['typing'][number]) => typing.push(payload));
      socket.on('connect_error', (error: Error & { data?: unknown }) => reject(Object.assign(error, { data: error.data })));
      socket.on('widget.session', (session: WidgetSession) =>
        resolve({
          socket,
          session,
          lines,
          typing,
          send: (text, clientId = randomUUID()) => socket.timeout(10_000).emitWithAck('visitor.send', { clientId, text }) as Promise<Ack>,
        }),
      );
    });
  const conversationOf = async (messageId: string) =>
    (await stack.server.db.db.selectFrom('messages').select('conversation_id').where('id', '=', messageId).executeTakeFirstOrThrow()).conversation_id;

  it('carries a chat both ways, keeps it across a reload, and never shows a note', async () => {
    const visitor = await open({ channel: DEMO_WIDGET_CHANNEL, name: '顾客小周', lang: 'zh-CN' });
    expect(visitor.session).toMatchObject({ verified: false, messages: [] });
    const sent = await visitor.send('你好，我的订单还没发货');
    expect(sent).toMatchObject({ ok: true, data: { duplicate: false } });
    const messageId = (sent as Extract<Ack, { ok: true }>).data.messageId;
    const conversationId = await conversationOf(messageId);

    // The agent sees it in the workstation, and answers; a note stays inside.
    const onAgent = await eventually(() => stack.agentA.call('conversation.get', { conversationId }), (d) => d !== null, 'the widget chat on the workstation');
    expect(onAgent!.conversation.channel).toBe('chat');
    expect(onAgent!.contact?.name).toBe('顾客小周');
    await stack.agentA.call('conversation.reply', { conversationId, kind: 'note', text: '内部备注：仓库缺货' });
    await stack.agentA.call('conversation.reply', { conversationId, kind: 'text', text: '您好，已为您催促仓库，今天发出。' });
    const reply = await eventually(() => visitor.lines.find((line) => line.from === 'agent'), (line) => line !== undefined, 'the reply in the widget');
    expect(reply).toMatchObject({ text: '您好，已为您催促仓库，今天发出。', name: '李娜 Li Na' });
    expect(visitor.lines.map((line) => line.text)).not.toContain('内部备注：仓库缺货');

    // The same clientId again is one message.
    const again = await visitor.send('你好，我的订单还没发货', undefined);
    expect(again.ok).toBe(true);

    // A reload: the stored token brings the same visitor and the history, still without the note.
    visitor.socket.close();
    const reloaded = await open({ channel: DEMO_WIDGET_CHANNEL, visitorToken: visitor.session.visitorToken });
    expect(reloaded.session.visitorId).toBe(visitor.session.visitorId);
    expect(reloaded.session.messages.map((line) => [line.from, line.text])).toEqual([
      ['customer', '你好，我的订单还没发货'],
      ['agent', '您好，已为您催促仓库，今天发出。'],
      ['customer', '你好，我的订单还没发货'],
    ]);

    // Another visitor sees none of it.
    const stranger = await open({ channel: DEMO_WIDGET_CHANNEL });
    expect(stranger.session.visitorId).not.toBe(visitor.session.visitorId);
    expect(stranger.session.messages).toEqual([]);
    await stack.agentA.call('conversation.reply', { conversationId, kind: 'text', text: '物流单号稍后发您。' });
    await eventually(() => reloaded.lines.some((line) => line.text === '物流单号稍后发您。'), Boolean, 'the second reply');
    expect(stranger.lines).toEqual([]);

    // A forged or foreign token is a new visitor, not someone else's history.
    const forged = await open({ channel: DEMO_WIDGET_CHANNEL, visitorToken: `${visitor.session.visitorToken.slice(0, -4)}AAAA` });
    expect(forged.session.messages).toEqual([]);
    const { token: agentToken } = await stack.server.login('li.na@demo.switchboard');
    expect((await open({ channel: DEMO_WIDGET_CHANNEL, visitorToken: agentToken })).session.messages).toEqual([]);
  });

  it('tells the agent the customer is typing, and the customer the agent is', async () => {
    const visitor = await open({ channel: DEMO_WIDGET_CHANNEL });
    const sent = (await visitor.send('can you check my invoice?')) as Extract<Ack, { ok: true }>;
    const conversationId = await conversationOf(sent.data.messageId);
    await eventually(() => stack.agentA.call('conversation.get', { conversationId }), (d) => d !== null, 'the chat on A');
    await stack.agentA.call('collision.set', { conversationId, viewing: true, typing: false });
    await visitor.socket.emitWithAck('visitor.typing', { typing: true });
    await eventually(
      () => stack.agentA.eventsNamed('collision.customerTyping') as Array<{ conversationId: string; typing: boolean }>,
      (events) => events.some((e) => e.conversationId === conversationId && e.typing),
      'the customer typing on the workstation',
    );
    await stack.agentA.call('collision.set', { conversationId, viewing: true, typing: true });
    await eventually(() => visitor.typing, (events) => events.some((e) => e.typing && e.name === '李娜 Li Na'), 'the agent typing in the widget');
    await stack.agentA.call('collision.set', { conversationId, viewing: true, typing: false });
    await eventually(() => visitor.typing, (events) => events.at(-1)?.typing === false, 'the agent stopped typing');
  });

  it('verifies a signed-in customer with the site’s signature and refuses a wrong one', async () => {
    const channel = await stack.server.db.db.selectFrom('widget_channels').selectAll().where('id', '=', DEMO_WIDGET_CHANNEL).executeTakeFirstOrThrow();
    const user = { id: `crm-${randomUUID()}`, name: '王先生', email: 'wang@example.com' };
    const signed = await open({ channel: DEMO_WIDGET_CHANNEL, user: { ...user, hash: identityHash(user.id, channel.identity_secret) } });
    expect(signed.session.verified).toBe(true);
    await signed.send('我上周的投诉有结果了吗');
    // On another device, signed in again: the same customer and history.
    const elsewhere = await open({ channel: DEMO_WIDGET_CHANNEL, user: { ...user, hash: identityHash(user.id, channel.identity_secret) } });
    expect(elsewhere.session.messages.map((line) => line.text)).toEqual(['我上周的投诉有结果了吗']);
    const contact = await stack.server.db.db.selectFrom('contact_identities').select('contact_id').where('channel', '=', 'chat').where('external_id', '=', user.id).executeTakeFirst();
    expect(contact).toBeDefined();

    await expect(open({ channel: DEMO_WIDGET_CHANNEL, user: { ...user, hash: identityHash(user.id, 'not-the-secret') } })).rejects.toMatchObject({
      message: 'identity could not be verified',
      data: { code: 'unauthorized' },
    });
    // The signed-in customer's token alone does not sign anyone in: it is a new anonymous visitor.
    expect((await open({ channel: DEMO_WIDGET_CHANNEL, visitorToken: signed.session.visitorToken })).session).toMatchObject({ verified: false, messages: [] });
    await expect(open({ channel: 'no-such-site' })).rejects.toMatchObject({ data: { code: 'not_found' } });
    await expect(open({ channel: 'Bad Channel!' })).rejects.toMatchObject({ data: { code: 'invalid' } });
    await expect(open({ channel: DEMO_WIDGET_CHANNEL, extra: true })).rejects.toMatchObject({ data: { code: 'invalid' } });
  });

  it('refuses bad, oversized and too many messages with clear errors, storing nothing of them', async () => {
    const visitor = await open({ channel: DEMO_WIDGET_CHANNEL });
    const before = await stack.server.db.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const bad = async (payload: unknown) => (await visitor.socket.timeout(10_000).emitWithAck('visitor.send', payload)) as Ack;
    expect(await bad({ clientId: 'not-a-uuid', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await bad({ clientId: randomUUID(), text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await bad({ clientId: randomUUID(), text: 'x'.repeat(WIDGET_MESSAGE_MAX_CHARS + 1) })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await bad({ clientId: randomUUID(), text: 'x'.repeat(100_000) })).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(await bad({ clientId: randomUUID(), text: 'hi', conversationId: 'someone-else' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const after = await stack.server.db.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const burst = await Promise.all(Array.from({ length: WIDGET_RATE_MESSAGES + 3 }, (_, i) => visitor.send(`burst ${i}`)));
    expect(burst.filter((answer) => answer.ok)).toHaveLength(WIDGET_RATE_MESSAGES);
    expect(burst.find((answer) => !answer.ok)).toMatchObject({ ok: false, error: { code: 'too_large', message: 'too many messages; wait a few seconds' } });
  });

  it('lets an admin add a widget for one site, shows it among the connectors, and refuses it elsewhere', async () => {
    const admin = await stack.addAgent('admin@demo.switchboard');
    const created = await admin.call('widgetChannels.create', { id: 'shop-b', name: 'Shop B', origins: ['https://shop-b.example.com'] });
    expect(created.identitySecret).toMatch(/^wsec_/);
    expect(created.channel).toMatchObject({ id: 'shop-b', origins: ['https://shop-b.example.com'], secretHint: `…${created.identitySecret.slice(-4)}` });
    const listed = await admin.call('widgetChannels.list', {});
    expect(JSON.stringify(listed)).not.toContain(created.identitySecret);
    expect((await admin.core.rpc.handle('widgetChannels.create', { id: 'shop-b', name: 'again', origins: [] })).ok).toBe(false);
    expect(await admin.core.rpc.handle('widgetChannels.create', { id: 'shop-c', name: 'C', origins: ['https://shop-c.example.com/path'] })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await stack.agentA.core.rpc.handle('widgetChannels.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await expect(open({ channel: 'shop-b' }, 'https://elsewhere.example.com')).rejects.toMatchObject({ data: { code: 'forbidden' } });
    const onSite = await open({ channel: 'shop-b' }, 'https://shop-b.example.com');
    await onSite.send('hello from shop b');
    const user = { id: 'b-customer-1', hash: identityHash('b-customer-1', created.identitySecret) };
    expect((await open({ channel: 'shop-b', user }, 'https://shop-b.example.com')).session.verified).toBe(true);

    const { connectors } = await admin.call('connectors.list', {});
    expect(connectors.find((c) => c.connector === 'chat.widget.shop-b')).toMatchObject({ kind: 'widget', state: 'connected', channel: 'chat' });
    expect((await admin.call('widgetChannels.list', {})).channels.find((c) => c.id === 'shop-b')?.visitorsToday).toBe(2);
  });

  it('brings the satisfaction survey into the widget and takes the answer from it', async () => {
    const visitor = await open({ channel: DEMO_WIDGET_CHANNEL, lang: 'en' });
    const sent = (await visitor.send('Thanks, that solved it')) as Extract<Ack, { ok: true }>;
    const conversationId = await conversationOf(sent.data.messageId);
    await eventually(() => stack.agentA.call('conversation.get', { conversationId }), (d) => d !== null, 'the chat on A');
    await stack.agentA.call('conversation.reply', { conversationId, kind: 'text', text: 'Glad to help!' });
    await stack.agentA.call('conversation.setStatus', { conversationId, status: 'resolved' });
    const invitation = await eventually(() => visitor.lines.find((line) => line.survey), (line) => line !== undefined, 'the survey in the widget');
    expect(invitation!.survey).toContain('csat');
    expect(await visitor.socket.emitWithAck('visitor.rate', { kind: 'csat', score: 9 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await visitor.socket.emitWithAck('visitor.rate', { kind: 'csat', score: 5 })).toMatchObject({ ok: true });
    const survey = await stack.server.db.db.selectFrom('surveys').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
    expect(survey).toMatchObject({ kind: 'csat', score: 5 });
  });
});

describe('the web chat widget with the bot on chat', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite', { bot: { channels: ['chat'], maxTurns: 2 } });
  });
  afterAll(() => stack?.close());

  it('shows the bot’s answer and its hand-off line in the widget', async () => {
    const socket = connect(`${stack.url}${VISITOR_NAMESPACE}`, { transports: ['websocket'], auth: { channel: DEMO_WIDGET_CHANNEL, lang: 'en' }, reconnection: false, forceNew: true });
    const lines: WidgetMessage[] = [];
    socket.on('widget.message', (line: WidgetMessage) => lines.push(line));
    try {
      await new Promise<void>((resolve, reject) => {
        socket.on('widget.session', () => resolve());
        socket.on('connect_error', reject);
      });
      await socket.emitWithAck('visitor.send', { clientId: randomUUID(), text: 'What are your business hours?' });
      const answer = await eventually(() => lines.find((line) => line.from === 'bot'), (line) => line !== undefined, 'the bot’s answer in the widget');
      expect(answer!.text.length).toBeGreaterThan(0);
      await socket.emitWithAck('visitor.send', { clientId: randomUUID(), text: 'I want to talk to a human agent' });
      const handoff = await eventually(() => lines.find((line) => line.event === 'handoff'), (line) => line !== undefined, 'the hand-off line in the widget');
      // The customer is told a person takes over, never the internal line (team, reason, intent).
      expect(handoff).toMatchObject({ from: 'system', text: '' });
      expect(lines.map((line) => line.text).join(' ')).not.toMatch(/Handed to|Detected intent/);
    } finally {
      socket.close();
    }
  });
});
