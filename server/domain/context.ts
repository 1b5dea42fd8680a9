/**
 * What the domain needs from the process: the store, the announcer that pokes clients, the
 * outbound connector, and a clock. Built once by app.ts; domain code never reaches for globals.
 */
import { writeTransaction, type Store, type Trx } from '../db/database';
import { audienceKey } from '../../shared/domain/audience';
import { appendChanges, type AppendedChanges, type NewChange } from '../db/queries/changes';
import type { OutboundConnector } from './connectors';
import type { KnowledgeSource } from './nlu/knowledgeSource';
import type { BotSettings } from './bot/settings';
import type { InboundClassifier } from './nlu/inboundClassifier';
import { attachSla, flushSla, newSlaTransactionCache } from './sla/attach';
import type { IngestMessageResponse } from '../../shared/contracts/http';
import type { MutationCommitted } from './afterCommit';
import type { PublishedEvent } from './webhooks';
import type { CommitGroup } from './commitGroup';
import type { DispatchScheduler } from './routing/scheduler';

/** What a commit is announced to (afterCommit.ts fans it out to its subscribers). */
export interface ChangeAnnouncer {
  /** Called after commit, never before: clients must never be told about uncommitted data. */
  announce(appended: AppendedChanges): void;
  /** A channel's message was stored (after its commit). */
  ingested?(result: IngestMessageResponse): void;
  /** A client's mutation was applied (after its commit). */
  mutated?(committed: MutationCommitted): void;
  /** An event for connectors (webhooks), after its commit. */
  published?(event: PublishedEvent): void;
  /** Send what is announced but still waiting to be coalesced (before acknowledging a push). */
  flush?(): void;
}

export interface DomainContext {
  store: Store;
  announcer: ChangeAnnouncer;
  connector: OutboundConnector;
  tokenSecret: Uint8Array;
  tokenTtlHours: number;
  /** The bot's knowledge base (admin-managed). */
  knowledge: KnowledgeSource;
  /** Classifies inbound messages (nlu/inboundClassifier.ts); absent: inline. */
  classifier?: InboundClassifier;
  /** Bot and sentiment rules (bot/settings.ts); absent: no bot, default sentiment rules. */
  bot?: BotSettings;
  /** Commits channel ingests in groups (commitGroup.ts); absent: one transaction each. */
  ingestCommits?: CommitGroup;
  /** Routing's dispatch passes (routing/scheduler.ts), made on first use: one per context. */
  dispatch?: DispatchScheduler;
  now(): Date;
}

export type AppendFn = (changes: NewChange[]) => Promise<AppendedChanges>;

/**
 * One write transaction whose appended changes are announced after it commits. The SLA state
 * its appends folded is written once at its end (sla/attach.ts `flushSla`), inside it. Writers should
 * append one audience per transaction (one conversation, or the directory) so a client in several
 * rooms gets each commit's changes whole in a single poke.
 */
export async function commitWithChanges<T>(
  ctx: DomainContext,
  fn: (trx: Trx, append: AppendFn) => Promise<T>,
): Promise<T> {
  const appended: AppendedChanges[] = [];
  const result = await writeTransaction(ctx.store, (trx) => writeWithChanges(ctx, trx, appended, fn));
  for (const range of coalesceRanges(appended)) ctx.announcer.announce(range);
  return result;
}

/**
 * One writer's work inside an open write transaction: its appends go to the change log after
 * `appended` (ranges of the same transaction written before it) and are pushed onto it; the SLA
 * state they folded is written at its end.
 */
export async function writeWithChanges<T>(
  ctx: Pick<DomainContext, 'store' | 'now'>,
  trx: Trx,
  appended: AppendedChanges[],
  fn: (trx: Trx, append: AppendFn) => Promise<T>,
): Promise<T> {
  const sla = newSlaTransactionCache();
  const done = await fn(trx, async (changes) => {
    await attachSla(trx, ctx.store.dialect, changes, ctx.now().toISOString(), sla);
    const range = await appendChanges(trx, changes, ctx.now().toISOString(), appended.at(-1)?.to);
    appended.push(range);
    return range;
  });
  await flushSla(trx, sla);
  return done;
}

/** Who hears a change, whatever record it is about (pokes go to rooms, not records). */
function roomsKey(audience: AppendedChanges['entries'][number]['audience']): string {
  return audienceKey(audience);
}

function uniformKey(range: AppendedChanges): string | null {
  const key = roomsKey(range.entries[0]!.audience);
  return range.entries.every((entry) => roomsKey(entry.audience) === key) ? key : null;
}

/**
 * Adjacent ranges of one commit heard by exactly the same rooms (a batch of pushes to several
 * conversations of one team, say) go out as one poke: every socket that receives it may see all
 * of it, and the seq range stays contiguous. Ranges with different audiences stay apart, so a
 * client in several rooms still gets each range whole in one poke.
 */
export function coalesceRanges(ranges: readonly AppendedChanges[]): AppendedChanges[] {
  const merged: AppendedChanges[] = [];
  let lastKey: string | null = null;
  for (const range of ranges) {
    const key = uniformKey(range);
    const last = merged[merged.length - 1];
    if (last && key !== null && key === lastKey && range.from === last.to + 1) {
      last.to = range.to;
      last.entries.push(...range.entries);
    } else {
      merged.push({ ...range, entries: [...range.entries] });
      lastKey = key;
    }
  }
  return merged;
}
