/**
 * One-click relabelling: an agent corrects a customer message's issue type and sentiment from
 * the workstation; another workstation shows the corrected labels through sync, the correction is
 * stored as a labelled example (words, label, what the classifier had said, who, when), and
 * reviewers, agents of other teams and bad bodies are refused with clear errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack, type TestAgent } from './stack';

describe.each(testBackends())('correcting the classifier (%s)', (backend) => {
  let stack: Stack;
  let lead: TestAgent;
  beforeAll(async () => {
    stack = await startStack(backend);
    lead = await stack.addAgent('liu.yang@demo.switchboard');
  });
  afterAll(() => stack?.close());

  it('relabels a message everywhere and keeps the example', async () => {
    const stamp = `${Date.now()}`;
    const response = await stack.server.ingest({
      channel: 'chat',
      externalId: `correct-${stamp}`,
      contact: { externalId: `correct-${stamp}`, name: '吕薇' },
      text: 'asdf qwer zxcv',
    });
    const { conversationId, messageId } = (await response.json()) as { conversationId: string; messageId: string };
    await eventually(() => stack.agentA.call('conversation.get', { conversationId }), (d) => d !== null, 'the conversation on A');

    const answer = await stack.agentA.call('insight.correct', { messageId, issueType: 'account', sentiment: 'negative' });
    expect(answer.insight).toMatchObject({ issueType: 'account', sentiment: { label: 'negative', strength: 1, score: -1 } });
    expect(answer.insight).not.toHaveProperty('unsure');

    const onLead = await eventually(
      () => lead.call('conversation.get', { conversationId }),
      (d) => d?.messages.find((m) => m.id === messageId)?.insight?.issueType === 'account',
      'the corrected label on the lead’s workstation',
    );
    expect(onLead!.messages.find((m) => m.id === messageId)!.insight).toMatchObject({ issueType: 'account', sentiment: { label: 'negative' } });

    const examples = await stack.server.db.db.selectFrom('nlu_corrections').selectAll().where('message_id', '=', messageId).orderBy('field').execute();
    expect(examples.map((e) => ({ field: e.field, previous: e.previous, label: e.label, text: e.text, by: e.corrected_by }))).toEqual([
      { field: 'issueType', previous: 'unsure', label: 'account', text: 'asdf qwer zxcv', by: 'agent-li-na' },
      { field: 'sentiment', previous: 'unsure', label: 'negative', text: 'asdf qwer zxcv', by: 'agent-li-na' },
    ]);

    // Refusals, each with its reason.
    const post = async (email: string, body: unknown) => {
      const { token } = await stack.server.login(email);
      const result = await fetch(`${stack.url}/api/v1/messages/${messageId}/insight`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: result.status, body: (await result.json()) as { code?: string; message?: string } };
    };
    expect(await post('zhou.min@demo.switchboard', { issueType: 'refund' })).toMatchObject({ status: 403 });
    expect(await post('li.na@demo.switchboard', { issueType: 'teleport' })).toMatchObject({ status: 400 });
    expect(await post('li.na@demo.switchboard', {})).toMatchObject({ status: 400 });
    const outsider = await post('chen.jie@demo.switchboard', { issueType: 'refund' });
    const conversation = await stack.server.db.db.selectFrom('conversations').select('team_id').where('id', '=', conversationId).executeTakeFirstOrThrow();
    // chen.jie works in 技术支持 and VIP: a 售前 / 售后 conversation is not theirs to relabel.
    expect(['team-presales', 'team-aftersales']).toContain(conversation.team_id);
    expect(outsider).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(await stack.server.db.db.selectFrom('nlu_corrections').selectAll().where('message_id', '=', messageId).execute()).toHaveLength(2);
  });
});
