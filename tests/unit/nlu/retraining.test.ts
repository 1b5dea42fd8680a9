/**
 * The pieces of retraining: a model survives the trip through a worker thread unchanged, agents'
 * corrections become labelled examples (latest per field, one field teaches one task), adding a
 * few examples leaves the shipped examples' training order alone, and the promotion rule names
 * the figure that fell.
 */
import { describe, expect, it } from 'vitest';
import type { ModelFigures } from '../../../shared/contracts/nluModels';
import { loadEvaluationSet } from '../../../server/domain/nlu/evaluationSet';
import { messageModelFrom, trainMessageModel } from '../../../server/domain/nlu/messageModel';
import { CORRECTION_WEIGHT, correctionExamples, decidePromotion, PROMOTION_TOLERANCE, type CorrectionExample } from '../../../server/domain/nlu/retraining';
import { defaultTrainingExamples } from '../../../server/domain/nlu/training/examples';

const correction = (over: Partial<CorrectionExample>): CorrectionExample => ({
  id: 'c1',
  messageId: 'm1',
  field: 'issueType',
  label: 'refund',
  text: '钱什么时候退回来',
  correctedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

const figures = (over: { type?: number; typeCoverage?: number; team?: number; mood?: number; moodCoverage?: number } = {}): ModelFigures => ({
  messages: 1025,
  issueType: { accuracy: 0.88, coverage: over.typeCoverage ?? 0.927, answeredAccuracy: over.type ?? 0.925 },
  team: { accuracy: over.team ?? 0.922 },
  sentiment: { accuracy: 0.9, coverage: over.moodCoverage ?? 0.928, answeredAccuracy: over.mood ?? 0.939 },
});

describe('retraining', () => {
  it('rebuilds a model from its snapshot that predicts exactly as the original', () => {
    const model = trainMessageModel(defaultTrainingExamples().slice(0, 800));
    const copy = messageModelFrom(structuredClone(model.snapshot()));
    expect(copy.trainingSize).toBe(800);
    for (const { text } of loadEvaluationSet().slice(0, 120)) expect(copy.predict(text), text).toEqual(model.predict(text));
  });

  it('turns corrections into examples: the latest label per field, each field teaching its own task', () => {
    const examples = correctionExamples([
      correction({ id: 'a', label: 'logistics', correctedAt: '2026-12-01T09:00:00.000Z' }),
      correction({ id: 'b', label: 'refund', correctedAt: '2026-12-01T10:00:00.000Z' }),
      correction({ id: 'c', field: 'sentiment', label: 'negative' }),
      correction({ id: 'd', messageId: 'm2', field: 'sentiment', label: 'positive', text: '太棒了' }),
      correction({ id: 'e', messageId: 'm3', label: 'teleport', text: '???' }),
    ]);
    expect(examples).toHaveLength(2 * CORRECTION_WEIGHT);
    expect(examples[0]).toEqual({ text: '钱什么时候退回来', issueType: 'refund', team: 'team-aftersales', sentiment: 'negative' });
    expect(examples[CORRECTION_WEIGHT]).toEqual({ text: '太棒了', issueType: null, team: null, sentiment: 'positive' });
  });

  it('trains the shipped examples in the same order when examples are appended', () => {
    const shipped = defaultTrainingExamples().slice(0, 600);
    const probe = loadEvaluationSet().slice(0, 60).map((m) => m.text);
    const base = trainMessageModel(shipped);
    // An appended sentiment-only example of words nobody else uses barely moves the topic model.
    const extended = trainMessageModel([...shipped, { text: 'zzqx zzqx', issueType: null, team: null, sentiment: 'positive' }], undefined, 1);
    const moved = probe.filter((text) => extended.predict(text).issueType.label !== base.predict(text).issueType.label);
    expect(moved).toEqual([]);
  });

  it('promotes a candidate no worse than the active version, and names what fell otherwise', () => {
    const active = figures();
    const within = figures({ typeCoverage: 0.927 - PROMOTION_TOLERANCE / 2, type: 0.93 });
    expect(decidePromotion(within, active, 3)).toMatchObject({ promote: true, reason: expect.stringMatching(/^not worse than v3: issue type \(answered\) 93\.0 % \(was 92\.5 %\)/) });
    const worse = decidePromotion(figures({ team: 0.9, mood: 0.8 }), active, 3);
    expect(worse.promote).toBe(false);
    expect(worse.reason).toBe('worse than v3 on team 90.0 % < 92.2 %, sentiment (answered) 80.0 % < 93.9 %');
  });
});
