/**
 * Learning from agents, end to end: customers write about a plan the classifier has never seen
 * ("Kelpwave"), so it is unsure; an agent corrects those messages to billing with one click each
 * (the workstation's insight.correct); the admin asks for a retraining from the Admin screen's
 * calls (nluModels.*); the leader trains a candidate in a worker thread, scores it on the
 * held-apart evaluation set, finds it no worse and promotes it; the node loads it, and the next
 * Kelpwave message is tagged billing. The admin then rolls back to the shipped version and the
 * classifier is unsure again. A candidate trained on wrong labels is measured worse and kept out.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NluModelList } from '../../../shared/contracts/nluModels';
import { messageInsightFromRow } from '../../../server/db/queries/insight';
import { loadEvaluationSet } from '../../../server/domain/nlu/evaluationSet';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack, type TestAgent } from './stack';

/** A bound on training plus measuring twice on a busy two-core machine, not a measurement. */
const TRAINING_BOUND_MS = 120_000;

describe.each(testBackends())('retraining the classifier from corrections (%s)', (backend) => {
  let stack: Stack;
  let admin: TestAgent;
  beforeAll(async () => {
    stack = await startStack(backend, { nluRetraining: { checkMs: 250, schedule: { minCorrections: 0 } }, activeModelRefreshMs: 250 });
    admin = await stack.addAgent('admin@demo.switchboard');
  });
  afterAll(() => stack?.close());

  const stored = async (messageId: string) => {
    const row = await stack.server.db.db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirstOrThrow();
    return messageInsightFromRow(row).insight;
  };
  const ingest = async (text: string) => {
    const id = randomUUID();
    const response = await stack.server.ingest({ channel: 'chat', externalId: `kelp-${id}`, contact: { externalId: `kelp-${id}`, name: '孙悦' }, text });
    expect(response.status).toBe(202);
    return (await response.json()) as { conversationId: string; messageId: string };
  };
  const list = () => admin.call('nluModels.list', {});
  const decided = (version: number) => (models: NluModelList) => models.models.some((m) => m.version === version && !['queued', 'training'].includes(m.status));

  it('promotes a candidate that learned the corrections, and rolls back', { timeout: 4 * TRAINING_BOUND_MS }, async () => {
    const before = await ingest('kelpwave?');
    expect(await stored(before.messageId)).toMatchObject({ unsure: expect.arrayContaining(['issueType']) });

    const taught = ['kelpwave plan question', 'about my kelpwave', 'kelpwave again please', 'kelpwave 套餐', 'what is kelpwave', 'kelpwave kelpwave'];
    for (const text of taught) {
      const { conversationId, messageId } = await ingest(text);
      await eventually(() => stack.agentA.call('conversation.get', { conversationId }), (d) => d !== null, `the conversation "${text}" on A`);
      await stack.agentA.call('insight.correct', { messageId, issueType: 'billing' });
    }
    expect((await list()).newCorrections).toBe(taught.length);

    const { model } = await admin.call('nluModels.retrain', {});
    expect(model).toMatchObject({ version: 2, status: expect.stringMatching(/queued|training|active/), requestedBy: 'agent-admin' });
    // Asking again while it waits or trains gives the same version, not a second candidate.
    const again = await admin.call('nluModels.retrain', {});
    expect(again.model.version).toBe(2);

    const after = await eventually(list, decided(2), 'version 2 trained and decided', TRAINING_BOUND_MS);
    const [v2, v1] = after.models;
    expect(v2).toMatchObject({ version: 2, status: 'active', corrections: taught.length, comparedWith: 1, activatedBy: null });
    expect(v2!.decision).toMatch(/^not worse than v1/);
    expect(v1).toMatchObject({ version: 1, status: 'retired', corrections: 0 });
    // Both measured on the whole held-apart set; the shipped figures are the README's.
    for (const figures of [v1!.figures, v2!.figures]) expect(figures?.messages).toBe(loadEvaluationSet().length);
    expect(v1!.figures!.team.accuracy).toBeGreaterThan(0.9);
    expect(after).toMatchObject({ activeVersion: 2, newCorrections: 0 });

    await eventually(() => stack.server.nlu.activeModel.loadedVersion(), (v) => v === 2, 'the node classifying with version 2', TRAINING_BOUND_MS);
    const learned = await ingest('kelpwave?');
    const insight = await stored(learned.messageId);
    expect(insight).toMatchObject({ issueType: 'billing' });
    // Only the topic was taught: the mood of "kelpwave?" stays a question the model declines.
    expect(insight?.unsure ?? []).not.toContain('issueType');

    // Rolling back: version 1 classifies again, and says it is unsure of Kelpwave.
    const rolledBack = await admin.call('nluModels.activate', { version: 1 });
    expect(rolledBack.model).toMatchObject({ version: 1, status: 'active', activatedBy: 'agent-admin' });
    expect((await list()).models.find((m) => m.version === 2)).toMatchObject({ status: 'retired' });
    await eventually(() => stack.server.nlu.activeModel.loadedVersion(), (v) => v === 1, 'the node back on version 1', TRAINING_BOUND_MS);
    expect(await stored((await ingest('kelpwave?')).messageId)).toMatchObject({ unsure: expect.arrayContaining(['issueType']) });

    // …and forward again: a retired version can be made active once more.
    await admin.call('nluModels.activate', { version: 2 });
    await eventually(() => stack.server.nlu.activeModel.loadedVersion(), (v) => v === 2, 'the node on version 2 again', TRAINING_BOUND_MS);
    expect(await stored((await ingest('kelpwave?')).messageId)).toMatchObject({ issueType: 'billing' });
  });

  it('keeps a candidate that measures worse out of service', { timeout: 2 * TRAINING_BOUND_MS }, async () => {
    // A team that labelled hundreds of messages wrongly (all "other", all neutral): stored as
    // corrections are, straight into the table, instead of clicking 300 times.
    const poisoned = loadEvaluationSet().slice(0, 300);
    const now = new Date().toISOString();
    await stack.server.db.db
      .insertInto('nlu_corrections')
      .values(
        poisoned.flatMap((message, i) =>
          (['issueType', 'sentiment'] as const).map((field) => ({
            id: `poison-${i}-${field}`,
            message_id: `poison-${i}`,
            conversation_id: 'poison',
            field,
            previous: field === 'issueType' ? message.type : message.sentiment,
            label: field === 'issueType' ? 'other' : 'neutral',
            text: message.text,
            corrected_by: 'agent-li-na',
            corrected_at: now,
          })),
        ),
      )
      .execute();
    // Version 1 (the shipped model) is recorded by the first retraining when none ran before.
    const activeBefore = (await list()).activeVersion ?? 1;
    const { model } = await admin.call('nluModels.retrain', {});
    const after = await eventually(list, decided(model.version), `version ${model.version} decided`, TRAINING_BOUND_MS);
    const candidate = after.models.find((m) => m.version === model.version)!;
    expect(candidate.status).toBe('rejected');
    expect(candidate.decision).toMatch(new RegExp(`^worse than v${activeBefore} on .*issue type`));
    expect(after.activeVersion).toBe(activeBefore);
    expect(stack.server.nlu.activeModel.loadedVersion()).toBe(activeBefore);
    // A rejected version cannot be made active by hand either.
    const refused = await admin.core.rpc.handle('nluModels.activate', { version: model.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('lets only admins see or change versions', async () => {
    expect(await stack.agentA.core.rpc.handle('nluModels.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { token } = await stack.server.login('liu.yang@demo.switchboard');
    for (const [method, path] of [
      ['GET', '/api/v1/admin/nlu/models'],
      ['POST', '/api/v1/admin/nlu/models/retrain'],
      ['POST', '/api/v1/admin/nlu/models/1/activate'],
    ] as const) {
      const response = await fetch(`${stack.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) }, body: method === 'POST' ? '{}' : undefined });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect(await admin.core.rpc.handle('nluModels.activate', { version: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
