import { describe, expect, it } from 'vitest';
import type { MessageInsight } from '../../../shared/nlu/insight';
import { classifyInbound, withInsight } from '../../../server/domain/bot/inbound';
import { handoffTeam } from '../../../server/domain/bot/turn';
import type { DomainContext } from '../../../server/domain/context';
import type { ConversationRow } from '../../../server/db/queries/conversations';
import { createBot } from '../../../server/domain/nlu/bot';
import { getMessageClassifier } from '../../../server/domain/nlu/classify';

const classifier = getMessageClassifier();
const ctx = {} as DomainContext;
const NOW = '2026-12-04T10:00:00.000Z';

function conversation(overrides: Partial<ConversationRow> = {}): ConversationRow {
  return {
    priority: 'normal',
    version: 1,
    message_count: 1,
    issue_types: JSON.stringify(['logistics']),
    sentiment_label: 'positive',
    sentiment_strength: 0.8,
    sentiment_score: 0.7,
    sentiment_alerted_at: null,
    ...overrides,
  } as ConversationRow;
}

const negative = { label: 'negative', strength: 0.9, score: -0.9 } as const;

describe('unsure is an answer', () => {
  it('says unsure for words it has never seen, instead of guessing from the priors', () => {
    for (const text of ['asdf qwer zxcv', '1']) {
      const result = classifier.classify(text);
      expect(result.issueType).toBe('unsure');
      expect(result.sentiment.label).toBe('unsure');
      expect(result.sentiment.strength).toBe(0);
    }
  });

  it('still answers the clear cases, with the probability it answered with', () => {
    const result = classifier.classify('退款两周了还没到账，太慢了');
    expect(result).toMatchObject({ issueType: 'refund', issueTypeGuess: 'refund', team: 'team-aftersales', sentiment: { label: 'negative', guess: 'negative' } });
    expect(result.issueTypeConfidence).toBeGreaterThan(classifier.thresholds.issueType);
    expect(result.sentiment.confidence).toBeGreaterThan(classifier.thresholds.sentiment);
  });

  it('an unsure message travels as issue type "other" and neutral sentiment, marked unsure', () => {
    expect(classifyInbound({ text: 'asdf qwer zxcv' })).toMatchObject({
      issueType: 'other',
      sentiment: { label: 'neutral', strength: 0 },
      unsure: ['issueType', 'sentiment'],
    });
    expect(classifyInbound({ text: 'I was charged twice for one order, this is outrageous' })).not.toHaveProperty('unsure');
  });

  it('an unsure message adds no tag and keeps the conversation sentiment it had', () => {
    const insight: MessageInsight = { issueType: 'other', suggestedTeamId: 'team-presales', sentiment: { label: 'neutral', strength: 0, score: -0.1 }, unsure: ['issueType', 'sentiment'] };
    const next = withInsight(ctx, insight, NOW, conversation());
    expect(JSON.parse(next.issue_types ?? '[]')).toEqual(['logistics']);
    expect(next).toMatchObject({ sentiment_label: 'positive', sentiment_strength: 0.8, sentiment_score: 0.7, sentiment_alerted_at: null });
  });

  it('a negative-sentiment alert fires on a sure negative message and never on an unsure one', () => {
    const sure: MessageInsight = { issueType: 'refund', suggestedTeamId: 'team-aftersales', sentiment: negative };
    expect(withInsight(ctx, sure, NOW, conversation()).sentiment_alerted_at).toBe(NOW);
    const unsure: MessageInsight = { ...sure, unsure: ['sentiment'] };
    const next = withInsight(ctx, unsure, NOW, conversation());
    expect(next.sentiment_alerted_at).toBeNull();
    expect(next.sentiment_label).toBe('positive');
    // the issue type was sure, so it is still tagged
    expect(JSON.parse(next.issue_types ?? '[]')).toEqual(['refund', 'logistics']);
  });

  it('a bot handoff with an unsure issue type names no team, so the conversation goes by channel rules', () => {
    const reply = createBot().answer('zxqv wplk', { turn: 1 });
    expect(reply).toMatchObject({ kind: 'handoff', team: null });
    const teams = [
      { id: 'team-presales', nameEn: 'Pre-sales' },
      { id: 'team-aftersales', nameEn: 'After-sales' },
      { id: 'team-techsupport', nameEn: 'Technical support' },
    ];
    expect(handoffTeam(teams, 'standard', 'sms', null)).toBe('team-aftersales');
    expect(handoffTeam(teams, 'standard', 'chat', null)).toBe('team-presales');
    expect(handoffTeam(teams, 'standard', 'chat', 'team-techsupport')).toBe('team-techsupport');
  });
});
