/**
 * insight.correct: relabel a customer message's issue type or sentiment (one click in the
 * conversation), proxied to POST /api/v1/messages/:id/insight. Needs the server; the corrected
 * message comes back through sync like any change, to this cache and every other.
 */
import { InsightRpcContract } from '../../../shared/contracts/insightCorrection';
import type { CoreContext } from './context';
import { callServer } from './serverApi';
import type { HandlersOf } from './types';

export function insightHandlers(ctx: CoreContext): HandlersOf<'insight.correct'> {
  return {
    'insight.correct': async ({ messageId, ...correction }) =>
      callServer(
        ctx,
        { method: 'POST', path: `/api/v1/messages/${encodeURIComponent(messageId)}/insight`, body: correction },
        InsightRpcContract['insight.correct'].output,
      ),
  };
}
