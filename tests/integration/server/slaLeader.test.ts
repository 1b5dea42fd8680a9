/**
 * Who runs the SLA scheduler. SQLite: the one process, at once. PostgreSQL: one node holds the
 * advisory lock; when it goes away another node takes over within 5 s and fires what falls due.
 */
import { describe, expect, it } from 'vitest';
import { type SlaNotice } from '../../../shared/contracts/sla';
import { connectSocket, startTestServer, testBackends, waitForEvent } from './harness';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';

async function until(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

describe.each(testBackends())('SLA leadership (%s)', (backend) => {
  it(
    backend === 'sqlite'
      ? 'the single process leads from the start'
      : 'a second node takes over within 5 s and fires breaches',
    async () => {
      const first = await startTestServer({ backend });
      if (backend === 'sqlite') {
        try {
          expect(first.sla.isLeader()).toBe(true);
        } finally {
          await first.cleanup();
        }
        return;
      }
      const second = await startTestServer({ backend, databaseUrl: first.databaseUrl, seedDemo: false });
      try {
        await until(() => first.sla.isLeader() || second.sla.isLeader(), 5_000);
        const [leader, follower] = first.sla.isLeader() ? [first, second] : [second, first];
        expect(follower.sla.isLeader()).toBe(false);

        // A 6-second first-response target on chat, so the follower has something to fire.
        const admin = (await follower.login('admin@demo.switchboard')).token;
        const put = await fetch(`${follower.url}/api/v1/admin/sla/policies`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
          body: JSON.stringify({
            policies: [
              {
                id: 'fast',
                name: 'Fast',
                match: { channels: ['chat'] },
                calendarId: 'cal-24x7',
                firstResponseMin: 0.1,
              },
              { id: 'rest', name: 'Rest', match: {}, calendarId: 'cal-office', firstResponseMin: 120 },
            ],
          }),
        });
        expect(put.status).toBe(200);
        const agent = await connectSocket(
          follower.url,
          (await follower.login('li.na@demo.switchboard')).token,
          follower,
        );

        // A commit on the follower reaches the leader as a NOTIFY: the leader records the breach.
        const early = await follower.ingest({
          channel: 'chat',
          externalId: `early-${Date.now()}`,
          contact: { externalId: `ec-${Date.now()}` },
          text: 'hi',
        });
        const earlyId = ((await early.json()) as { conversationId: string }).conversationId;
        let alerted = false;
        await until(() => {
          void follower.db.db
            .selectFrom('alerts')
            .select('id')
            .where('conversation_id', '=', earlyId)
            .execute()
            .then((rows) => (alerted = rows.length > 0));
          return alerted;
        }, 15_000);

        const stoppedAt = Date.now();
        await leader.close();
        const takeover = await until(() => follower.sla.isLeader(), 5_000);
        console.log(
          `[sla postgres] leader stopped → new leader after ${Date.now() - stoppedAt} ms (${takeover} ms polling)`,
        );

        const response = await follower.ingest({
          channel: 'chat',
          externalId: `lead-${Date.now()}`,
          contact: { externalId: `lc-${Date.now()}` },
          text: 'hello?',
        });
        const { conversationId } = (await response.json()) as { conversationId: string };
        const breach = await waitForEvent<SlaNotice>(
          agent,
          SOCKET_EVENTS.slaBreached,
          (n) => n.conversationId === conversationId,
        );
        expect(breach.target).toBe('firstResponse');
      } finally {
        await second.cleanup();
        await first.cleanup();
      }
    },
    30_000,
  );
});
