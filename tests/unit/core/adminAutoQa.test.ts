/**
 * admin.autoQaRules.get / .put through the core with the server faked at fetch: the admin's token
 * and the quality-review route, the rules checked with the shared schema on the way out and on the
 * way back, the server's refusal passed through word for word, agents refused without a request.
 */
import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../shared/domain/model';
import { AutoQaRulesBodySchema, STARTER_AUTO_QA_RULES } from '../../../shared/qa/autoQa';
import { ME } from './fixtures';
import { FAKE_SERVER as SERVER, fakeServerCores, json } from './fakeServerCore';

const ADMIN: Agent = { ...ME, id: 'agent-admin', email: 'admin@example.test', role: 'admin' };
const RULES = AutoQaRulesBodySchema.parse({ rules: STARTER_AUTO_QA_RULES }).rules;

const signedIn = fakeServerCores('admin-token');

describe('auto-QA rules through the core', () => {
  it("reads the rules from the server's quality-review route with the admin's token", async () => {
    const { core, requests } = await signedIn(ADMIN, () => json({ rules: STARTER_AUTO_QA_RULES }));
    const result = await core.rpc.handle('admin.autoQaRules.get', {});
    expect(result).toEqual({ ok: true, result: { rules: RULES } });
    expect(requests).toEqual([
      {
        url: `${SERVER}/api/v1/qa/auto-rules`,
        method: 'GET',
        authorization: 'Bearer admin-token',
        body: undefined,
      },
    ]);
  });

  it('replaces the rules with a PUT of the whole list and returns what the server stored', async () => {
    const edited = RULES.map((rule) =>
      rule.kind === 'forbidden'
        ? { ...rule, phrases: { ...rule.phrases, en: [...rule.phrases.en, 'no idea'] } }
        : rule,
    );
    const { core, requests } = await signedIn(ADMIN, (request) => json(request.body));
    const result = await core.rpc.handle('admin.autoQaRules.put', { rules: edited });
    expect(result).toEqual({ ok: true, result: { rules: edited } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'PUT', url: `${SERVER}/api/v1/qa/auto-rules` });
    expect(requests[0]!.body).toEqual({ rules: edited });
  });

  it('refuses a list the shared schema refuses before asking the server', async () => {
    const { core, requests } = await signedIn(ADMIN, () => json({ rules: [] }));
    const twice = [RULES[0]!, RULES[0]!];
    const duplicate = await core.rpc.handle('admin.autoQaRules.put', { rules: twice });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const noPhrases = [{ ...RULES[2]!, phrases: { 'zh-CN': [], en: [] } }];
    expect(await core.rpc.handle('admin.autoQaRules.put', { rules: noPhrases })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(requests).toEqual([]);
  });

  it("passes the server's refusal through word for word", async () => {
    const message = 'auto-QA rules: rules.4.seconds: Too small: expected number to be >=10';
    const { core } = await signedIn(ADMIN, () => json({ code: 'invalid', message }, 400));
    expect(await core.rpc.handle('admin.autoQaRules.put', { rules: RULES })).toEqual({
      ok: false,
      error: { code: 'invalid', message },
    });
  });

  it('does not show an answer that does not fit the contract as rules', async () => {
    const { core } = await signedIn(ADMIN, () => json({ rules: [{ id: 'x', kind: 'shouting' }] }));
    expect(await core.rpc.handle('admin.autoQaRules.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('says offline when the server cannot be reached', async () => {
    const { core } = await signedIn(ADMIN, () => {
      throw new TypeError('fetch failed');
    });
    const result = await core.rpc.handle('admin.autoQaRules.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('refuses agents in the core, without a request', async () => {
    const { core, requests } = await signedIn(ME, () => json({ rules: RULES }));
    expect(await core.rpc.handle('admin.autoQaRules.get', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await core.rpc.handle('admin.autoQaRules.put', { rules: RULES })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(requests).toEqual([]);
  });
});
