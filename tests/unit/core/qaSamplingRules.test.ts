/**
 * qa.samplingRules.get / .put through the core with the server faked at fetch: the lead's token and
 * the sampling-rules route, the rules checked with the shared schema on the way out and on the way
 * back, the server's refusal passed through word for word, offline said as such, agents and
 * reviewers refused without a request.
 */
import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../shared/domain/model';
import { SamplingRulesBodySchema, type SamplingRuleInput } from '../../../shared/qa/sampling';
import { ME } from './fixtures';
import { FAKE_SERVER as SERVER, fakeServerCores, json } from './fakeServerCore';

const LEAD: Agent = { ...ME, id: 'agent-lead', email: 'lead@example.test', role: 'lead' };
const ADMIN: Agent = { ...ME, id: 'agent-admin', email: 'admin@example.test', role: 'admin' };
const REVIEWER: Agent = { ...ME, id: 'agent-reviewer', email: 'reviewer@example.test', role: 'reviewer' };
const PATH = '/api/v1/qa/sampling-rules';
const DAILY: SamplingRuleInput = {
  id: 'billing-daily',
  name: 'Billing daily',
  teamId: 'team-billing',
  cycle: 'daily',
  timeZone: 'Asia/Shanghai',
  random: { mode: 'percent', amount: 10 },
  conditions: [{ kind: 'sla_breached' }, { kind: 'long_handle', minutes: 45 }],
  reviewers: [{ reviewerId: 'agent-reviewer', goal: 20 }],
};
const RULES = SamplingRulesBodySchema.parse({ rules: [DAILY] }).rules;

const signedIn = fakeServerCores('session-token');

describe('sampling rules through the core', () => {
  it("reads the rules from the server's sampling-rules route with the lead's token", async () => {
    // Defaults (active, agentIds, auto-QA rule ids) are filled in by the schema on the way back.
    const { core, requests } = await signedIn(LEAD, () => json({ rules: [DAILY] }));
    const result = await core.rpc.handle('qa.samplingRules.get', {});
    expect(result).toEqual({ ok: true, result: { rules: RULES } });
    expect(RULES[0]).toMatchObject({ active: true, agentIds: [] });
    expect(requests).toEqual([
      { url: `${SERVER}${PATH}`, method: 'GET', authorization: 'Bearer session-token', body: undefined },
    ]);
  });

  it('replaces the rules with a PUT of the whole list and returns what the server stored', async () => {
    const edited = RULES.map((rule) => ({
      ...rule,
      random: { mode: 'percent' as const, amount: 20 },
      conditions: [...rule.conditions, { kind: 'vip' as const }],
    }));
    const { core, requests } = await signedIn(LEAD, (request) => json(request.body));
    const result = await core.rpc.handle('qa.samplingRules.put', { rules: edited });
    expect(result).toEqual({ ok: true, result: { rules: edited } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'PUT',
      url: `${SERVER}${PATH}`,
      authorization: 'Bearer session-token',
    });
    expect(requests[0]!.body).toEqual({ rules: edited });
  });

  it('lets admins through too', async () => {
    const { core, requests } = await signedIn(ADMIN, () => json({ rules: [] }));
    expect(await core.rpc.handle('qa.samplingRules.get', {})).toEqual({ ok: true, result: { rules: [] } });
    expect(requests).toHaveLength(1);
  });

  it('refuses a list the shared schema refuses before asking the server', async () => {
    const { core, requests } = await signedIn(LEAD, () => json({ rules: [] }));
    expect(await core.rpc.handle('qa.samplingRules.put', { rules: [DAILY, DAILY] })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const badZone = { ...DAILY, timeZone: 'Mars/Olympus' };
    expect(await core.rpc.handle('qa.samplingRules.put', { rules: [badZone] })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const noReviewers = { ...DAILY, reviewers: [] };
    expect(await core.rpc.handle('qa.samplingRules.put', { rules: [noReviewers] })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(requests).toEqual([]);
  });

  it("passes the server's refusal through word for word", async () => {
    const message = 'sampling rule billing-daily: team team-nowhere does not exist';
    const { core } = await signedIn(LEAD, () => json({ code: 'invalid', message }, 400));
    expect(await core.rpc.handle('qa.samplingRules.put', { rules: RULES })).toEqual({
      ok: false,
      error: { code: 'invalid', message },
    });
    const forbidden = 'you do not lead team team-sales';
    const { core: other } = await signedIn(LEAD, () => json({ code: 'forbidden', message: forbidden }, 403));
    expect(await other.rpc.handle('qa.samplingRules.put', { rules: RULES })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: forbidden },
    });
  });

  it('does not show an answer that does not fit the contract as rules', async () => {
    const { core } = await signedIn(LEAD, () => json({ rules: [{ ...DAILY, cycle: 'hourly' }] }));
    expect(await core.rpc.handle('qa.samplingRules.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('says offline when the server cannot be reached', async () => {
    const { core } = await signedIn(LEAD, () => {
      throw new TypeError('fetch failed');
    });
    for (const [method, params] of [
      ['qa.samplingRules.get', {}],
      ['qa.samplingRules.put', { rules: RULES }],
    ] as const)
      expect(await core.rpc.handle(method, params)).toMatchObject({
        ok: false,
        error: { code: 'offline', message: expect.stringContaining('connection') },
      });
  });

  it('refuses agents and reviewers in the core, without a request', async () => {
    for (const agent of [ME, REVIEWER]) {
      const { core, requests } = await signedIn(agent, () => json({ rules: RULES }));
      expect(await core.rpc.handle('qa.samplingRules.get', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await core.rpc.handle('qa.samplingRules.put', { rules: RULES })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(requests).toEqual([]);
    }
  });
});
