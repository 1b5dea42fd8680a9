/**
 * Figure: catch-up. A 10k-change backlog (contacts, conversations, messages, as the server's pull
 * pages send them) applied to a fresh cache through the core's `applyChanges`, one transaction per
 * pull page of PULL_PAGE_MAX with the cursor move, as the sync client does after reconnecting.
 * Baseline: the same rows inserted with plain prepared INSERTs in one better-sqlite3 transaction
 * into a cache with the same schema, indexes and FTS triggers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import { setSessionAgent } from '../../../electron/core/db/queries/meta';
import { applyChanges } from '../../../electron/core/sync/apply';
import { PullResponseSchema, type Change } from '../../../shared/contracts/sync';
import { PULL_PAGE_MAX } from '../../../shared/domain/limits';
import { BENCH_VIEWER, conversationChanges, directoryChanges } from '../lib/dataset';
import type { Figure, Row } from '../lib/report';
import { now } from '../lib/stats';

export const BACKLOG = 10_000;

/** Exactly `count` changes: whole conversations (contact, conversation, messages) in seq order. */
export function backlog(count: number, prefix = 'cu', seed = 7): Change[] {
  const changes: Change[] = [];
  for (const batch of conversationChanges(
    { conversations: Math.ceil(count / 11), messages: count },
    { seed, prefix, firstSeq: 1000 },
  )) {
    changes.push(...batch);
    if (changes.length >= count) break;
  }
  return changes.slice(0, count);
}

export function freshCache(): { db: Db; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-cache-'));
  const db = openDatabase(join(dir, 'cache.sqlite'));
  setSessionAgent(db, BENCH_VIEWER);
  applyChanges(db, directoryChanges(), { moveCursorTo: 999 });
  return { db, dir };
}

export function pages(changes: readonly Change[]): Change[][] {
  const out: Change[][] = [];
  for (let i = 0; i < changes.length; i += PULL_PAGE_MAX) out.push(changes.slice(i, i + PULL_PAGE_MAX));
  return out;
}

/** Apply the pages through the core; returns ms. */
function corePath(changes: readonly Change[], validate: boolean): number {
  const { db, dir } = freshCache();
  const wire = pages(changes).map((page) => JSON.stringify({ changes: page, cursor: page.at(-1)!.seq, hasMore: true }));
  const start = now();
  for (const text of wire) {
    const page = validate
      ? PullResponseSchema.parse(JSON.parse(text)).changes
      : (JSON.parse(text) as { changes: Change[] }).changes;
    applyChanges(db, page, { moveCursorTo: page.at(-1)!.seq });
  }
  const ms = now() - start;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

/** The same rows with plain INSERTs in one transaction; returns ms. */
function bareInsert(changes: readonly Change[]): number {
  const { db, dir } = freshCache();
  const contact = db.prepare(
    `INSERT INTO contacts (id, name, email, phone, tier, identities, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const conversation = db.prepare(
    `INSERT INTO conversations (id, channel, contact_id, team_id, assignee_id, status, priority, subject, created_at,
       updated_at, last_message_at, last_message_preview, last_message_direction, waiting_since, message_count,
       version, seq, server_snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const message = db.prepare(
    `INSERT INTO messages (id, conversation_id, direction, kind, author_type, author_id, text, subject, call,
       created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = now();
  db.transaction(() => {
    for (const change of changes) {
      if (change.type === 'contact.updated') {
        const c = change.contact;
        contact.run(c.id, c.name, c.email, c.phone, c.tier, JSON.stringify(c.identities), c.createdAt, change.seq);
      } else if (change.type === 'conversation.created') {
        const c = change.conversation;
        conversation.run(c.id, c.channel, c.contactId, c.teamId, c.assigneeId, c.status, c.priority, c.subject,
          c.createdAt, c.updatedAt, c.lastMessageAt, c.lastMessagePreview, c.lastMessageDirection, c.waitingSince,
          c.messageCount, c.version, change.seq, JSON.stringify(c));
      } else if (change.type === 'message.created') {
        const m = change.message;
        message.run(m.id, m.conversationId, m.direction, m.kind, m.authorType, m.authorId, m.text, m.subject,
          m.call ? JSON.stringify(m.call) : null, m.createdAt, change.seq);
      }
    }
  })();
  const ms = now() - start;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const catchupFigure: Figure = {
  id: 'catchup',
  title: 'Catch-up: 10k-change backlog through the apply path vs a bare bulk insert',
  async run(ctx) {
    const changes = backlog(BACKLOG);
    const runs = ctx.quick ? 1 : 3;
    const core: number[] = [];
    const validated: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(bareInsert(changes));
      core.push(corePath(changes, false));
      validated.push(corePath(changes, true));
    }
    ctx.detail('catchup', { changes: changes.length, pageSize: PULL_PAGE_MAX, runs, core, validated, bare });
    const b = median(bare);
    const c = median(core);
    const v = median(validated);
    const rows: Row[] = [
      {
        figure: 'catch-up 10k changes: applyChanges (pages of 1000)',
        value: c,
        unit: 'ms',
        baseline: b,
        baselineLabel: 'bare insert',
        goal: '≤ 2× bare (≥ 0.5 of bare speed) and < 1000 ms',
        met: c <= 2 * b && c < 1000,
        note: `median of ${runs} fresh caches; ${changes.length} changes`,
      },
      {
        figure: 'catch-up 10k changes: + PullResponse JSON parse/validation',
        value: v,
        unit: 'ms',
        baseline: b,
        baselineLabel: 'bare insert',
        goal: '< 1000 ms',
        met: v < 1000,
      },
    ];
    return rows;
  },
};
