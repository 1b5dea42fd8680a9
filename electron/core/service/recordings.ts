/**
 * recordings.read: one chunk of a call's recording, proxied to GET /api/v1/recordings/:messageId
 * with the session's token (the server decides who may listen and relays the provider's file).
 * Recordings are never cached here: they are large, and a reviewer listens once.
 */
import { RecordingChunkSchema } from '../../../shared/contracts/recordings';
import type { CoreContext } from './context';
import { callServer } from './serverApi';
import type { HandlersOf } from './types';

export function recordingHandlers(ctx: CoreContext): HandlersOf<'recordings.read'> {
  return {
    'recordings.read': ({ messageId, offset }) =>
      callServer(
        ctx,
        { method: 'GET', path: `/api/v1/recordings/${encodeURIComponent(messageId)}?offset=${offset}` },
        RecordingChunkSchema,
      ),
  };
}
