/**
 * What the domain needs from the process: the store, the announcer that pokes clients, the
 * outbound connector, and a clock. Built once by app.ts; domain code never reaches for globals.
 */
import { writeTransaction, type Store, type Trx } from '../db/database';
import { appendChanges, type AppendedChanges, type NewChange } from '../db/queries/changes';
import type { OutboundConnector } from './connectors';
import type { KnowledgeSource } from './nlu/knowledgeSource';
import { attachSla } from './sla/attach';

export interface ChangeAnnouncer {
  /** Called after commit, never before: clients must never be told about uncommitted data. */
  announce(appended: AppendedChanges): void;
}

export interface DomainContext {
  store: Store;
  announcer: ChangeAnnouncer;
  connector: OutboundConnector;
  tokenSecret: Uint8Array;
  tokenTtlHours: number;
  /** The bot's knowledge base (admin-managed). */
  knowledge: KnowledgeSource;
  now(): Date;
}

export type AppendFn = (changes: NewChange[]) => Promise<AppendedChanges>;

/**
 * One write transaction whose appended changes are announced after it commits. Writers should
 * append one audience per transaction (one conversation, or the directory) so a client in several
 * rooms gets each commit's changes whole in a single poke.
 */
export async function commitWithChanges<T>(
  ctx: DomainContext,
  fn: (trx: Trx, append: AppendFn) => Promise<T>,
): Promise<T> {
  const appended: AppendedChanges[] = [];
  const result = await writeTransaction(ctx.store, (trx) =>
    fn(trx, async (changes) => {
      await attachSla(trx, ctx.store.dialect, changes, ctx.now().toISOString());
      const range = await appendChanges(trx, changes, ctx.now().toISOString());
      appended.push(range);
      return range;
    }),
  );
  for (const range of appended) ctx.announcer.announce(range);
  return result;
}
