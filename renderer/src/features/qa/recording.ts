/**
 * A call recording as the player gets it: chunk after chunk through the core (which asks the
 * server, which relays the telephony provider), assembled into one Blob the page plays from
 * memory, so no recording address is ever loaded by the page itself.
 */
import type { RecordingChunk } from '../../../../shared/contracts/recordings';

export type ReadChunk = (messageId: string, offset: number) => Promise<RecordingChunk>;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Reads every chunk in order; `onProgress` gets the share read so far (0–1). */
export async function loadRecording(
  read: ReadChunk,
  messageId: string,
  onProgress: (share: number) => void = () => undefined,
): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let total = Number.POSITIVE_INFINITY;
  let contentType = 'audio/mpeg';
  while (offset < total) {
    const chunk = await read(messageId, offset);
    const bytes = bytesOf(chunk.data);
    total = chunk.totalBytes;
    contentType = chunk.contentType;
    if (bytes.length === 0 && offset < total) throw new Error('The recording ended early.');
    parts.push(bytes);
    offset += bytes.length;
    onProgress(total === 0 ? 1 : Math.min(1, offset / total));
  }
  return new Blob(parts, { type: contentType });
}
