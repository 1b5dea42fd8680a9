/**
 * The generator: customers writing in through the public ingest API and agents replying from
 * real workstation cores. Every write is named `<tag>-in-<conversation>-<n>` (customer) or
 * `<tag>-out-<conversation>-<n>` (agent), so the checker can find each one, count copies and
 * read each lane's order back from the change log.
 *
 * A customer message counts as acknowledged once the server answered 202 (a channel retries
 * the same externalId until it gets that answer); an agent reply once the core accepted it
 * into its outbox (the user saw it in the thread).
 */
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Core } from '../../../electron/core/core';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import type { RpcInput, RpcMethod, RpcOutput } from '../../../shared/contracts/rpc';
import { PushResponseSchema } from '../../../shared/contracts/sync';
import { PUSH_BATCH_MAX } from '../../../shared/domain/limits';
import { sleep, until } from './util';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';

export interface Traffic {
  tag: string;
  /** Customer message text → the messageId the server acknowledged. */
  acked: Map<string, string>;
  /** Agent reply texts the core accepted, in the order they were typed. */
  typed: string[];
  /** Ingest requests sent, retries included. */
  attempts: number;
}

export function createTraffic(name: string): Traffic {
  return { tag: `${name}${Date.now().toString(36)}`, acked: new Map(), typed: [], attempts: 0 };
}

export const inText = (t: Traffic, c: number, i: number) => `${t.tag}-in-${c}-${i}`;
export const outText = (t: Traffic, c: number, i: number, lane = 'out') => `${t.tag}-${lane}-${c}-${i}`;

/** One POST /api/v1/ingest/messages; throws unless the server answered 202. */
export async function ingestOnce(t: Traffic, url: string, c: number, i: number): Promise<{ conversationId: string; messageId: string }> {
  t.attempts++;
  const response = await fetch(`${url}/api/v1/ingest/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}` },
    body: JSON.stringify({
      channel: 'chat',
      externalId: `${t.tag}-ext-${c}-${i}`,
      conversationExternalId: `${t.tag}-thread-${c}`,
      contact: { externalId: `${t.tag}-contact-${c}` },
      text: inText(t, c, i),
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 202) throw new Error(`ingest answered ${response.status}`);
  const body = (await response.json()) as { conversationId: string; messageId: string };
  t.acked.set(inText(t, c, i), body.messageId);
  return body;
}

/** Message `i` of conversation `c`, resent with the same externalId until acknowledged. */
export async function ingestUntilAcked(
  t: Traffic,
  url: () => string,
  c: number,
  i: number,
): Promise<{ conversationId: string; messageId: string }> {
  for (;;) {
    try {
      return await ingestOnce(t, url(), c, i);
    } catch {
      await sleep(50);
    }
  }
}

/** A customer writing messages `from..to` of conversation `c`, one after the other. */
export async function customerLane(t: Traffic, url: () => string, c: number, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) await ingestUntilAcked(t, url, c, i);
}

/** Opens `count` conversations (message 0 of each) and returns their ids. */
export async function openConversations(t: Traffic, url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let c = 0; c < count; c++) ids.push((await ingestUntilAcked(t, () => url, c, 0)).conversationId);
  return ids;
}

export function rpcOf(core: Core) {
  return async <M extends RpcMethod>(method: M, params: RpcInput<M>): Promise<RpcOutput<M>> => {
    const response = await core.rpc.handle(method, params);
    if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
    return response.result as RpcOutput<M>;
  };
}

/** Signs the core in as `email` and waits until it is online and caught up. */
export async function signIn(core: Core, email: string, password: string): Promise<void> {
  const rpc = rpcOf(core);
  await rpc('session.login', { email, password });
  await until(() => rpc('sync.status', {}), (s) => s.state === 'online', `${email} online`);
}

/** Waits until the core holds each conversation (its inbox shows it). */
export async function waitForConversations(core: Core, ids: string[]): Promise<void> {
  const rpc = rpcOf(core);
  for (const id of ids) await until(() => rpc('conversation.get', { conversationId: id }), (d) => d !== null, `conversation ${id} in the core`);
}

/**
 * An agent answering conversation `c`: replies `0..count-1`, each after `gate(i)` resolves (e.g.
 * "the customer's next message is in"). Works offline too: the core queues the reply. A second
 * agent in the same conversations writes on another `lane` (`out-b`), so each lane's order is checked.
 */
export async function agentLane(
  t: Traffic,
  core: Core,
  conversationId: string,
  c: number,
  count: number,
  gate: (i: number) => Promise<void> = async () => {},
  lane = 'out',
): Promise<void> {
  const rpc = rpcOf(core);
  for (let i = 0; i < count; i++) {
    await gate(i);
    await rpc('conversation.reply', { conversationId, kind: 'text', text: outText(t, c, i, lane) });
    t.typed.push(outText(t, c, i, lane));
  }
}

/**
 * The burst the crash suites run: in every conversation the customer writes messages
 * `firstIngest..lastIngest` while the agent answers `replies` times, each reply once the customer
 * message it follows is acknowledged; `nemesis` injects the fault meanwhile. Resolves with the
 * moment of the last write.
 */
export async function conversationBurst(
  t: Traffic,
  core: Core,
  url: () => string,
  conversationIds: string[],
  { firstIngest, lastIngest, replies, nemesis }: { firstIngest: number; lastIngest: number; replies: number; nemesis: Promise<void> },
): Promise<number> {
  await Promise.all([
    nemesis,
    ...conversationIds.map((_, c) => customerLane(t, url, c, firstIngest, lastIngest)),
    ...conversationIds.map((id, c) =>
      agentLane(t, core, id, c, replies, (i) =>
        until(() => t.acked.has(inText(t, c, i + firstIngest)), Boolean, 'the customer message', 60_000).then(() => {}),
      ),
    ),
  ]);
  return performance.now();
}

/** Waits until the core's outbox is empty and it is online. */
export async function drained(core: Core, ms = 60_000): Promise<void> {
  const rpc = rpcOf(core);
  await until(() => rpc('sync.status', {}), (s) => s.state === 'online' && s.pending === 0, 'the core drained its outbox', ms);
}

/**
 * A colleague answering in bulk from a plain socket: replies `0..count-1` in every conversation,
 * pushed in full batches (the cheapest way to build a long backlog of changes). Each reply the
 * server accepted counts as typed.
 */
export async function pushReplies(t: Traffic, url: string, token: string, conversationIds: string[], count: number): Promise<void> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const clientId = randomUUID();
    const replies = Array.from({ length: count }, (_, i) => conversationIds.map((conversationId, c) => ({ conversationId, text: outText(t, c, i) }))).flat();
    for (let start = 0; start < replies.length; start += PUSH_BATCH_MAX) {
      const batch = replies.slice(start, start + PUSH_BATCH_MAX);
      const mutations = batch.map((reply, k) => ({
        mutationId: start + k + 1,
        name: 'message.send',
        args: { conversationId: reply.conversationId, messageId: randomUUID(), kind: 'text', text: reply.text },
      }));
      const ack = (await socket.timeout(60_000).emitWithAck(SOCKET_EVENTS.push, { clientId, mutations })) as { ok: boolean; data?: unknown };
      if (!ack.ok) throw new Error(`push refused: ${JSON.stringify(ack).slice(0, 200)}`);
      const { results } = PushResponseSchema.parse(ack.data);
      results.forEach((result, k) => {
        if (result.ok) t.typed.push(batch[k]!.text);
        else throw new Error(`reply refused: ${result.error.code} ${result.error.message}`);
      });
    }
  } finally {
    socket.close();
  }
}
