/**
 * Group commit of channel ingests (server/domain/commitGroup.ts): writes that arrive together
 * commit in one transaction, a failing one is rolled back alone with its change-log range (seqs
 * stay contiguous), a failed transaction stores nothing and fails every caller, and changes are
 * announced only after the commit. Over HTTP, concurrent ingests all land once, in seq order.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommitGroup, GROUP_MAX_WRITES } from '../../../server/domain/commitGroup';
import type { ChangeAnnouncer } from '../../../server/domain/context';
import type { AppendedChanges } from '../../../server/db/queries/changes';
import { insertContact } from '../../../server/db/queries/contacts';
import { contactChange } from '../../../server/domain/snapshots';
import type { Trx } from '../../../server/db/database';
import type { AppendFn } from '../../../server/domain/context';
import { startTestServer, testBackends, type TestServer } from './harness';

/** A write that stores one contact and appends its change; `fail` throws after both. */
const contactWrite = (name: string, fail = false) => async (trx: Trx, append: AppendFn) => {
  const id = randomUUID();
  const now = new Date().toISOString();
  await insertContact(
    trx,
    { id, name, email: null, phone: null, tier: 'standard', created_at: now, updated_at: now },
    { channel: 'chat', externalId: `group-${id}` },
  );
  const range = await append([
    contactChange({ id, name, email: null, phone: null, tier: 'standard', attributes: {} } as never, {
      record: null,
      audience: [{ kind: 'team', teamId: 'team-sales' }],
    }),
  ]);
  if (fail) throw new Error(`refused: ${name}`);
  return { id, seq: range.from };
};

describe.each(testBackends())('ingest group commit (%s)', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ backend, nluWorkers: 0 });
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  const group = () => {
    const announced: AppendedChanges[] = [];
    const announcer: ChangeAnnouncer = { announce: (range) => announced.push(range) };
    return { announced, commits: createCommitGroup({ store: server.db, announcer, now: () => new Date() }) };
  };
  const contactNamed = (name: string) =>
    server.db.db.selectFrom('contacts').select('id').where('name', '=', name).executeTakeFirst();

  it('writes of the same turn share transactions of at most GROUP_MAX_WRITES, seqs contiguous', async () => {
    const { commits, announced } = group();
    const count = GROUP_MAX_WRITES + 8;
    const results = await Promise.all(
      Array.from({ length: count }, (_, i) => commits.commit(contactWrite(`group-ok-${backend}-${i}`))),
    );
    expect(commits.stats()).toEqual({ groups: 2, writes: count, largest: GROUP_MAX_WRITES });
    const seqs = results.map((result) => result.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    // Announced after commit; the same rooms and adjacent, so one poke per transaction.
    expect(announced.map((range) => [range.from, range.to])).toEqual([
      [seqs[0]!, seqs[GROUP_MAX_WRITES - 1]!],
      [seqs[GROUP_MAX_WRITES]!, seqs.at(-1)!],
    ]);
  });

  it('a write that fails is rolled back alone and its seqs go to the next write', async () => {
    const { commits, announced } = group();
    const names = ['first', 'refused', 'third'].map((name) => `group-${name}-${backend}`);
    const outcomes = await Promise.allSettled(names.map((name, i) => commits.commit(contactWrite(name, i === 1))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: `refused: ${names[1]}` });
    const [first, , third] = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : null));
    expect(third!.seq).toBe(first!.seq + 1);
    expect(await contactNamed(names[0]!)).toBeDefined();
    expect(await contactNamed(names[1]!)).toBeUndefined();
    expect(await contactNamed(names[2]!)).toBeDefined();
    const logged = await server.db.db
      .selectFrom('change_log')
      .select('seq')
      .where('seq', '>=', first!.seq)
      .orderBy('seq')
      .execute();
    expect(logged.map((row) => Number(row.seq))).toEqual([first!.seq, third!.seq]);
    expect(announced.flatMap((range) => range.entries.map((entry) => entry.change.seq))).toEqual([first!.seq, third!.seq]);
  });

  it('a lone write that fails stores nothing and announces nothing', async () => {
    const { commits, announced } = group();
    const name = `group-alone-${backend}`;
    await expect(commits.commit(contactWrite(name, true))).rejects.toThrow(`refused: ${name}`);
    expect(await contactNamed(name)).toBeUndefined();
    expect(announced).toEqual([]);
    await commits.idle();
  });

  it('concurrent ingests over HTTP all answer 202 and each lands once', async () => {
    const before = server.ingestCommits.stats();
    const count = 40;
    const responses = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        server.ingest({
          channel: 'chat',
          externalId: `group-http-${backend}-${i}`,
          contact: { externalId: `group-http-contact-${backend}-${i}` },
          text: `Group commit ${i}: where is my order?`,
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 202));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as { messageId: string }[];
    expect(new Set(bodies.map((body) => body.messageId)).size).toBe(count);
    const after = server.ingestCommits.stats();
    expect(after.writes - before.writes).toBe(count);
    expect(after.groups - before.groups).toBeLessThanOrEqual(count);
    const stored = await server.db.db
      .selectFrom('messages')
      .select('external_id')
      .where('external_id', 'like', `group-http-${backend}-%`)
      .execute();
    expect(stored).toHaveLength(count);
    // A repeat of one of them is a duplicate, stored nowhere again.
    const repeat = await server.ingest({
      channel: 'chat',
      externalId: `group-http-${backend}-7`,
      contact: { externalId: `group-http-contact-${backend}-7` },
      text: 'Group commit 7: where is my order?',
    });
    expect(await repeat.json()).toMatchObject({ duplicate: true, messageId: bodies[7]!.messageId });
  });
});
