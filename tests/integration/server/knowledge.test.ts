/**
 * The bot's knowledge base over the admin API, on SQLite and (when configured) PostgreSQL: the
 * seeded defaults, admin-only access, field-naming 400s, and a save on one node reaching the
 * `ctx.knowledge` of another node on the same database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/app';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import {
  DEFAULT_KNOWLEDGE_BASE,
  type KnowledgeEntry,
} from '../../../server/domain/nlu/training/knowledgeBase';
import { startTestServer, testBackends, type TestServer } from './harness';

const PATH = '/api/v1/admin/knowledge-base';

const WARRANTY: KnowledgeEntry = {
  intent: 'kb.extended_warranty',
  issueType: 'after_sales_fault',
  team: 'team-techsupport',
  variants: { 'zh-CN': ['保修多久', '过了保修期还能修吗'], en: ['How long is the warranty?'] },
  answer: {
    'zh-CN': '整机保修一年，主要部件保修三年。',
    en: 'One year on the device, three years on main parts.',
  },
};

async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

function call(url: string, token: string, method: 'GET' | 'PUT', body?: unknown) {
  return fetch(`${url}${PATH}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function entriesOf(url: string, token: string): Promise<KnowledgeEntry[]> {
  const response = await call(url, token, 'GET');
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: KnowledgeEntry[] }).entries;
}

async function expectInvalid(response: Response, ...fragments: string[]): Promise<void> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { code: string; message: string };
  expect(body.code).toBe('invalid');
  for (const fragment of fragments) expect(body.message).toContain(fragment);
}

for (const backend of testBackends()) {
  describe(`knowledge-base admin API (${backend})`, () => {
    let server: TestServer;
    let admin: string;

    beforeAll(async () => {
      server = await startTestServer({ backend, knowledgeRefreshMs: 50 });
      admin = await login(server.url, 'admin@demo.switchboard');
    });
    afterAll(async () => {
      await server?.cleanup();
    });

    it('starts with the default knowledge base, which the bot reads', async () => {
      const entries = await entriesOf(server.url, admin);
      expect(entries.map((e) => e.intent)).toEqual(DEFAULT_KNOWLEDGE_BASE.map((e) => e.intent));
      expect(server.knowledge.entries().map((e) => e.intent)).toEqual(entries.map((e) => e.intent));
    });

    it('refuses agents, leads and reviewers with 403, before looking at the body', async () => {
      for (const email of [
        'li.na@demo.switchboard',
        'liu.yang@demo.switchboard',
        'zhou.min@demo.switchboard',
      ]) {
        const token = await login(server.url, email);
        expect((await call(server.url, token, 'GET')).status).toBe(403);
        const put = await call(server.url, token, 'PUT', { entries: 'nonsense' });
        expect(put.status).toBe(403);
        expect(((await put.json()) as { code: string }).code).toBe('forbidden');
      }
      expect((await fetch(`${server.url}${PATH}`)).status).toBe(401);
    });

    it('stores an admin edit in order, and hands the bot a new list', async () => {
      const before = server.knowledge.entries();
      const edited = [WARRANTY, ...(await entriesOf(server.url, admin)).slice(1)];
      const put = await call(server.url, admin, 'PUT', { entries: edited });
      expect(put.status, await put.clone().text()).toBe(200);
      expect(((await put.json()) as { entries: KnowledgeEntry[] }).entries).toEqual(edited);
      expect(await entriesOf(server.url, admin)).toEqual(edited);
      const after = server.knowledge.entries();
      expect(after).not.toBe(before);
      expect(after[0]).toEqual(WARRANTY);
      expect(after.some((e) => e.intent === DEFAULT_KNOWLEDGE_BASE[0]!.intent)).toBe(false);
    });

    it('answers bad bodies with 400 messages that name the entry and the field', async () => {
      const good = await entriesOf(server.url, admin);
      await expectInvalid(
        await call(server.url, admin, 'PUT', {
          entries: [good[0], { ...good[1]!, answer: { ...good[1]!.answer, en: '  ' } }],
        }),
        `entry 2 (${good[1]!.intent}), answer.en`,
        'must not be empty',
      );
      await expectInvalid(
        await call(server.url, admin, 'PUT', { entries: [good[0], { ...good[0]! }] }),
        `entry 2 (${good[0]!.intent}), intent`,
        'entry 1',
      );
      await expectInvalid(
        await call(server.url, admin, 'PUT', { entries: [{ ...WARRANTY, team: 'team-vip' }] }),
        'entry 1 (kb.extended_warranty), team',
        'team-presales',
      );
      await expectInvalid(
        await call(server.url, admin, 'PUT', { entries: [{ ...WARRANTY, issueType: 'weather' }] }),
        'issueType',
      );
      await expectInvalid(
        await call(server.url, admin, 'PUT', {
          entries: [{ ...WARRANTY, variants: { 'zh-CN': [], en: ['x'] } }],
        }),
        'variants.zh-CN',
        'give at least one',
      );
      await expectInvalid(
        await call(server.url, admin, 'PUT', { entries: [{ ...WARRANTY, intent: 'Has Spaces' }] }),
        'intent',
      );
      await expectInvalid(await call(server.url, admin, 'PUT', { entries: [] }), 'entries');
      const tooLong = await call(server.url, admin, 'PUT', {
        entries: [{ ...WARRANTY, answer: { ...WARRANTY.answer, en: 'x'.repeat(5_000) } }],
      });
      expect(tooLong.status).toBe(400);
      expect(((await tooLong.json()) as { message: string }).message).toContain(
        'answer.en: longer than 2000',
      );
      // Nothing of the refused bodies was stored.
      expect(await entriesOf(server.url, admin)).toEqual(good);
    });

    it('reaches every node on the same database after a save', async () => {
      const [first, second, close] = await openTwoNodes(backend);
      try {
        const adminOnFirst = await login(first.url, 'admin@demo.switchboard');
        const adminOnSecond = await login(second.url, 'admin@demo.switchboard');
        const seenBefore = second.knowledge.entries();
        expect(seenBefore.map((e) => e.intent)).toEqual(DEFAULT_KNOWLEDGE_BASE.map((e) => e.intent));
        const edited = [{ ...WARRANTY, answer: { ...WARRANTY.answer, en: 'Two years on everything.' } }];
        expect((await call(first.url, adminOnFirst, 'PUT', { entries: edited })).status).toBe(200);
        // The second node's bot picks it up from its background version check, without a request.
        await expect.poll(() => second.knowledge.entries()[0]?.answer.en).toBe('Two years on everything.');
        expect(second.knowledge.entries()).not.toBe(seenBefore);
        expect(second.knowledge.entries()).toHaveLength(1);
        expect(await entriesOf(second.url, adminOnSecond)).toEqual(edited);
      } finally {
        await close();
      }
    });
  });
}

/** Two server nodes on one database: a fresh PostgreSQL database, or one SQLite file. */
async function openTwoNodes(
  backend: 'sqlite' | 'postgres',
): Promise<[RunningServer, RunningServer, () => Promise<void>]> {
  const common = {
    port: 0,
    host: '127.0.0.1',
    tokenSecret: 'integration-test-token-secret',
    knowledgeRefreshMs: 50,
    logger: false,
    env: {},
  };
  if (backend === 'postgres') {
    const first = await startTestServer({ backend, knowledgeRefreshMs: 50 });
    const second = await startServer({
      ...common,
      databaseUrl: first.databaseUrl,
      dataDir: mkdtempSync(join(tmpdir(), 'sb-kb-')),
    });
    return [first, second, async () => (await second.close(), await first.cleanup())];
  }
  const dir = mkdtempSync(join(tmpdir(), 'sb-kb-'));
  const first = await startServer({ ...common, dataDir: dir, seedDemo: true });
  const second = await startServer({ ...common, dataDir: dir });
  return [
    first,
    second,
    async () => {
      await second.close();
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    },
  ];
}
