/** The survey answers a reviewer reads beside the transcript: the latest per kind, after re-ratings. */
import { describe, expect, it } from 'vitest';
import type { QaTranscript } from '../../../shared/contracts/qa';
import { currentSurveyAnswers } from '../../../renderer/src/features/qa/ReviewFacts';

type Line = QaTranscript['messages'][number];
const answered = (survey: 'csat' | 'nps', score: number, previousScore: number | null = null): Line =>
  ({ detail: { kind: 'survey_answered', survey, score, previousScore, comment: null } }) as Line;

describe('currentSurveyAnswers', () => {
  it('keeps the latest answer per kind and ignores other lines', () => {
    const lines = [answered('csat', 2), { detail: null } as Line, answered('nps', 9), answered('csat', 5, 2)];
    expect(currentSurveyAnswers(lines)).toEqual({ csat: 5, nps: 9 });
    expect(currentSurveyAnswers([])).toEqual({});
  });
});
