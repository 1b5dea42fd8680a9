/**
 * Call recordings, relayed: a call message carries its telephony provider's `recordingUrl`, and
 * the workstation never fetches it itself (its pages load nothing from the network). The server
 * reads the recording for a signed-in user who may see the conversation and hands it on in
 * chunks, which the workstation assembles into a local blob for its player.
 *
 * - Who: an admin; a lead or agent of the conversation's team; a reviewer with the conversation
 *   to review (a calibration's reviewers too). Anyone else: 403 before anything is fetched.
 * - Where from: only origins listed in SWITCHBOARD_RECORDING_ORIGINS (none by default), so an
 *   ingest API caller cannot make the server fetch an internal address; redirects are refused.
 * - How: a Range request for the chunk; a provider that ignores Range sends the whole file (at
 *   most MAX_RECORDING_BYTES), kept for the next chunks of the same recording.
 * - Failures: no recording → 404; provider unreachable or erring → 503 `offline`; not audio or too
 *   large → 400 `invalid` / 413 `too_large`, each with a message a reviewer can read.
 */
import { z } from 'zod';
import { SwitchboardError } from '../../shared/contracts/errors';
import { RECORDING_CHUNK_BYTES, type RecordingChunk } from '../../shared/contracts/recordings';
import type { Agent } from '../../shared/domain/model';
import { getConversationRow } from '../db/queries/conversations';
import { getMessageRow } from '../db/queries/messages';
import { findAssignment } from '../db/queries/qa';
import { fromEnv } from '../envField';
import type { DomainContext } from './context';

export const MAX_RECORDING_BYTES = 100 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;

const originList = z.string().transform((value, context): string[] => {
  const origins: string[] = [];
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      context.addIssue({ code: 'custom', message: `not an origin: ${entry} (use https://host[:port], comma-separated)` });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      context.addIssue({ code: 'custom', message: `not an http(s) origin: ${entry}` });
      return z.NEVER;
    }
    origins.push(url.origin);
  }
  return [...new Set(origins)];
});

/** This module's part of the server configuration (server/config.ts). */
export const RECORDING_ENV = {
  SWITCHBOARD_RECORDING_ORIGINS: fromEnv(originList.default([])),
};

export function recordingOriginsOf(e: z.infer<z.ZodObject<typeof RECORDING_ENV>>): string[] {
  return e.SWITCHBOARD_RECORDING_ORIGINS;
}

export interface RecordingRelay {
  read(viewer: Agent, messageId: string, offset: number): Promise<RecordingChunk>;
}

interface WholeFile {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

async function mayListen(ctx: DomainContext, viewer: Agent, conversationId: string): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  const conversation = await getConversationRow(ctx.store.db, conversationId);
  if (!conversation) return false;
  if (viewer.role === 'reviewer') return (await findAssignment(ctx.store.db, viewer.id, conversationId)) !== null;
  return viewer.teamIds.includes(conversation.team_id);
}

function recordingUrlOf(callJson: string | null): string | null {
  if (!callJson) return null;
  try {
    const call = JSON.parse(callJson) as { recordingUrl?: unknown };
    return typeof call.recordingUrl === 'string' && call.recordingUrl.length > 0 ? call.recordingUrl : null;
  } catch {
    return null;
  }
}

function audioType(header: string | null): string {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('audio/') || type === 'video/webm' || type === 'video/ogg') return type;
  if (type === '' || type === 'application/octet-stream') return 'audio/mpeg';
  throw new SwitchboardError('invalid', `the recording is not audio (${type})`);
}

/** `bytes 0-524287/1048576` → 1048576; null when the total is unknown or the header is bad. */
function totalOf(contentRange: string | null): number | null {
  const match = /^bytes \d+-\d+\/(\d+)$/.exec(contentRange ?? '');
  return match ? Number(match[1]) : null;
}

async function readCapped(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_RECORDING_BYTES)
    throw new SwitchboardError('too_large', `the recording is larger than ${MAX_RECORDING_BYTES / 1024 / 1024} MB`);
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RECORDING_BYTES) {
      await reader.cancel();
      throw new SwitchboardError('too_large', `the recording is larger than ${MAX_RECORDING_BYTES / 1024 / 1024} MB`);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

export function createRecordingRelay(
  ctx: DomainContext,
  options: { origins: readonly string[]; fetch?: typeof fetch },
): RecordingRelay {
  const get = options.fetch ?? fetch;
  let lastWhole: WholeFile | null = null;

  const chunkOf = (contentType: string, bytes: Uint8Array, offset: number, total: number): RecordingChunk => {
    if (offset > total) throw new SwitchboardError('invalid', `offset ${offset} is past the end (${total} bytes)`);
    return {
      contentType,
      totalBytes: total,
      offset,
      data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    };
  };

  return {
    async read(viewer, messageId, offset) {
      const message = await getMessageRow(ctx.store.db, messageId);
      if (!message && viewer.role === 'admin') throw new SwitchboardError('not_found', 'no such message');
      // Someone who may not see the conversation learns nothing, not even whether it exists.
      if (!message || !(await mayListen(ctx, viewer, message.conversation_id)))
        throw new SwitchboardError('forbidden', 'you may not listen to this call');
      const url = recordingUrlOf(message.call_json);
      if (!url) throw new SwitchboardError('not_found', 'this message has no recording');
      let origin: string;
      try {
        origin = new URL(url).origin;
      } catch {
        throw new SwitchboardError('not_found', 'the recording address is not valid');
      }
      if (!options.origins.includes(origin))
        throw new SwitchboardError(
          'forbidden',
          `recordings from ${origin} are not enabled on this server (SWITCHBOARD_RECORDING_ORIGINS)`,
        );

      if (lastWhole?.url === url) {
        const whole = lastWhole;
        const end = Math.min(offset + RECORDING_CHUNK_BYTES, whole.bytes.byteLength);
        return chunkOf(whole.contentType, whole.bytes.subarray(offset, end), offset, whole.bytes.byteLength);
      }

      let response: Response;
      try {
        response = await get(url, {
          headers: { range: `bytes=${offset}-${offset + RECORDING_CHUNK_BYTES - 1}` },
          redirect: 'error',
          signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        });
      } catch {
        throw new SwitchboardError('offline', 'the recording store cannot be reached');
      }
      if (response.status === 404 || response.status === 410)
        throw new SwitchboardError('not_found', 'the recording is no longer at the provider');
      if (response.status === 416) throw new SwitchboardError('invalid', `offset ${offset} is past the end`);
      if (response.status !== 200 && response.status !== 206)
        throw new SwitchboardError('offline', `the recording store answered ${response.status}`);
      const contentType = audioType(response.headers.get('content-type'));
      if (response.status === 206) {
        const total = totalOf(response.headers.get('content-range'));
        if (total === null) throw new SwitchboardError('offline', 'the recording store sent no total length');
        if (total > MAX_RECORDING_BYTES)
          throw new SwitchboardError('too_large', `the recording is larger than ${MAX_RECORDING_BYTES / 1024 / 1024} MB`);
        return chunkOf(contentType, (await readCapped(response)).subarray(0, RECORDING_CHUNK_BYTES), offset, total);
      }
      // The provider ignores Range: keep the file for the next chunks.
      const bytes = await readCapped(response);
      lastWhole = { url, contentType, bytes };
      const end = Math.min(offset + RECORDING_CHUNK_BYTES, bytes.byteLength);
      return chunkOf(contentType, bytes.subarray(offset, end), offset, bytes.byteLength);
    },
  };
}
