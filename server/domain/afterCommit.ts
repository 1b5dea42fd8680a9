/**
 * The one way work starts after a commit. Writers announce what they committed on
 * `ctx.announcer`; every subscriber (pokes, the SLA scheduler, the bot, routing's dispatch now;
 * sampling, survey sending and webhooks next) receives it after the transaction, never before.
 *
 * What a commit announces:
 * - `changes`: each change-log range a transaction appended (commitWithChanges, the ingest commit
 *   group). Most subscribers need nothing else.
 * - `ingested`: a channel's message was stored (domain/ingest.ts), with its ids and whether it
 *   was a duplicate.
 * - `mutated`: a client's mutation was applied (domain/mutations), with who did it, so routing
 *   can tell whose capacity changed.
 * - `published`: an event for connectors that is neither (a survey answer, an SLA breach).
 *
 * A subscriber that throws is logged and the others still run; nothing reaches the writer, whose
 * commit is already done. `flush()` asks every subscriber to send what it holds back (the poke
 * coalescer) before a push is acknowledged.
 */
import type { IngestMessageResponse } from '../../shared/contracts/http';
import type { Mutation, MutationResult } from '../../shared/contracts/sync';
import type { Agent } from '../../shared/domain/model';
import type { AppendedChanges } from '../db/queries/changes';
import type { ChangeAnnouncer } from './context';
import type { PublishedEvent } from './webhooks';

export interface MutationCommitted {
  actor: Agent;
  mutation: Mutation;
  result: MutationResult;
}

export interface CommitSubscriber {
  changes?(appended: AppendedChanges): void;
  ingested?(result: IngestMessageResponse): void;
  mutated?(committed: MutationCommitted): void;
  /** Something else happened that connectors care about (a survey answer, an SLA breach). */
  published?(event: PublishedEvent): void;
  flush?(): void;
}

export interface AfterCommit extends Required<ChangeAnnouncer> {
  /** Adds a subscriber under a name (for the log); returns its removal. */
  subscribe(name: string, subscriber: CommitSubscriber): () => void;
}

export function createAfterCommit(log: (message: string, error: unknown) => void = defaultLog): AfterCommit {
  const subscribers = new Map<string, CommitSubscriber>();
  const each = (what: string, call: (subscriber: CommitSubscriber) => void) => {
    for (const [name, subscriber] of subscribers) {
      try {
        call(subscriber);
      } catch (error) {
        log(`${name} failed on ${what}`, error);
      }
    }
  };
  return {
    subscribe(name, subscriber) {
      if (subscribers.has(name)) throw new Error(`a commit subscriber named ${name} exists already`);
      subscribers.set(name, subscriber);
      return () => void subscribers.delete(name);
    },
    announce: (appended) => each('changes', (s) => s.changes?.(appended)),
    ingested: (result) => each('ingested', (s) => s.ingested?.(result)),
    mutated: (committed) => each('mutated', (s) => s.mutated?.(committed)),
    published: (event) => each('published', (s) => s.published?.(event)),
    flush: () => each('flush', (s) => s.flush?.()),
  };
}

function defaultLog(message: string, error: unknown): void {
  console.error(`[server] after commit: ${message}`, error);
}
