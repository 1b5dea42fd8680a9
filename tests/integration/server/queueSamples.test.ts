/**
 * The waiting line's history kept by the server: the leader samples every team's waiting count,
 * a lead reads the last hour of their own team (not another's), and samples older than a day go.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaitHistory } from '../../../shared/contracts/live';
import { addTechSupportLead, startTestServer, testBackends, type TestServer } from './harness';

const MIN = 60_000;

for (const backend of testBackends()) {
  describe(`waiting history (${backend})`, () => {
    let server: TestServer;
    let clock = Date.parse('2026-12-04T02:00:00.000Z');
    const tokens = {} as Record<'lead' | 'agent' | 'admin' | 'techLead', string>;

    const history = async (token: string, teamId: string) => {
      const response = await fetch(`${server.url}/api/v1/live/waiting-history?teamId=${teamId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: (await response.json()) as WaitHistory };
    };
    const chat = async () => {
      const response = await server.ingest({ channel: 'chat', externalId: randomUUID(), contact: { externalId: randomUUID() }, text: '在吗？想问下订单' });
      expect(response.status).toBe(202);
    };

    beforeAll(async () => {
      // Sampling only when a test asks (sampleNow); the clock moves by hand.
      server = await startTestServer({ backend, now: () => new Date(clock), queueSampleMs: 3_600_000 });
      tokens.lead = (await server.login('liu.yang@demo.switchboard')).token;
      tokens.agent = (await server.login('li.na@demo.switchboard')).token;
      tokens.admin = (await server.login('admin@demo.switchboard')).token;
      // A lead of tech support only.
      await addTechSupportLead(server, new Date(clock).toISOString());
      tokens.techLead = (await server.login('tech.lead@demo.switchboard')).token;
    });
    afterAll(() => server?.cleanup());

    it('gives a lead the last hour of their team’s waiting count, a sample a minute', async () => {
      // On PostgreSQL the node takes the lead through an advisory lock, a moment after start.
      await expect.poll(() => server.queueSamples.isLeader(), { timeout: 10_000 }).toBe(true);
      const teams = await server.queueSamples.sampleNow(); // 02:00, nobody waiting yet
      expect(teams).toBeGreaterThan(0);
      clock += MIN;
      await chat();
      await chat();
      await server.queueSamples.sampleNow(); // 02:01: two chats wait in 售前
      clock += MIN;
      await chat();
      await server.queueSamples.sampleNow(); // 02:02: three

      const { status, body } = await history(tokens.lead, 'team-presales');
      expect(status).toBe(200);
      expect(body.samples.map((s) => s.waiting)).toEqual([0, 2, 3]);
      expect(body.samples.map((s) => s.at)).toEqual([
        '2026-12-04T02:00:00.000Z',
        '2026-12-04T02:01:00.000Z',
        '2026-12-04T02:02:00.000Z',
      ]);
      // An hour and a half later the first samples have left the hour.
      clock += 90 * MIN;
      await server.queueSamples.sampleNow();
      expect((await history(tokens.lead, 'team-presales')).body.samples.map((s) => s.waiting)).toEqual([3]);
    });

    it('answers only the team’s leads and admins; a bad query is a 400', async () => {
      expect((await history(tokens.agent, 'team-presales')).status).toBe(403);
      expect((await history(tokens.techLead, 'team-presales')).status).toBe(403);
      expect((await history(tokens.techLead, 'team-techsupport')).status).toBe(200);
      expect((await history(tokens.admin, 'team-presales')).status).toBe(200);
      const bad = await fetch(`${server.url}/api/v1/live/waiting-history`, { headers: { authorization: `Bearer ${tokens.lead}` } });
      expect(bad.status).toBe(400);
      expect((await fetch(`${server.url}/api/v1/live/waiting-history?teamId=team-presales`)).status).toBe(401);
    });

    it('drops samples older than a day', async () => {
      clock += 25 * 60 * MIN;
      await server.queueSamples.sampleNow();
      const rows = await server.db.db.selectFrom('queue_samples').select('at').where('team_id', '=', 'team-presales').execute();
      expect(rows.map((row) => row.at)).toEqual([new Date(clock).toISOString()]);
    });
  });
}
