/** The agent's Quality badge: reviews of their own work still waiting for them, nothing else. */
import { describe, expect, it } from 'vitest';
import type { QaReviewRow } from '../../../shared/contracts/qa';
import { reviewsToAcknowledge } from '../../../renderer/src/features/qa/qaSlice';

const row = (agentId: string | null, status: QaReviewRow['review']['status'], pending = false): QaReviewRow =>
  ({ review: { agentId, status }, pending, scorecardName: null, reviewerName: null, agentName: null }) as QaReviewRow;

describe('reviewsToAcknowledge', () => {
  it('counts the agent’s submitted reviews, not acknowledged, disputed, others’ or unsynced ones', () => {
    const rows = [
      row('agent-li-na', 'submitted'),
      row('agent-li-na', 'submitted'),
      row('agent-li-na', 'acknowledged'),
      row('agent-li-na', 'disputed'),
      row('agent-chen-jie', 'submitted'),
      row('agent-li-na', 'submitted', true),
      row(null, 'submitted'),
    ];
    expect(reviewsToAcknowledge(rows, 'agent-li-na')).toBe(2);
    // Calibration reviews name no agent: nobody is asked to acknowledge them.
    expect(reviewsToAcknowledge(rows, null)).toBe(0);
  });
});
