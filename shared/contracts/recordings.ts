/**
 * Call recordings on the wire: GET /api/v1/recordings/:messageId?offset=N answers one chunk of the
 * call's recording (server/domain/recordings.ts relays it from the telephony provider), and the
 * core's `recordings.read` proxies it, so the player builds a local blob and the page itself
 * loads nothing from the network.
 */
import { z } from 'zod';

const Id = z.string().min(1).max(64);

/** Bytes per chunk (base64 on the wire: about 700 kB of JSON). */
export const RECORDING_CHUNK_BYTES = 512 * 1024;

export const RecordingQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});

export const RecordingChunkSchema = z.object({
  contentType: z.string().min(1).max(100),
  totalBytes: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** Base64 of the bytes from `offset` (at most RECORDING_CHUNK_BYTES; empty past the end). */
  data: z.string(),
});
export type RecordingChunk = z.infer<typeof RecordingChunkSchema>;

export const RecordingRpcContract = {
  /** Needs the server (`offline` otherwise); the same rules as the HTTP route. */
  'recordings.read': {
    input: z.object({ messageId: Id, offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
    output: RecordingChunkSchema,
  },
} as const;
