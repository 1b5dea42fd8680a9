/**
 * The review screen's recording loader: chunks read in order add up to the file, progress rises
 * to 100 %, an empty recording is one read, and a store that stops short is an error rather than
 * a truncated recording played as if whole.
 */
import { describe, expect, it } from 'vitest';
import type { RecordingChunk } from '../../../shared/contracts/recordings';
import { loadRecording, type ReadChunk } from '../../../renderer/src/features/qa/recording';

function storeOf(bytes: Uint8Array, chunk: number, stopAt = Number.POSITIVE_INFINITY): { read: ReadChunk; offsets: number[] } {
  const offsets: number[] = [];
  return {
    offsets,
    read: async (_id, offset): Promise<RecordingChunk> => {
      offsets.push(offset);
      const part = offset >= stopAt ? new Uint8Array() : bytes.subarray(offset, offset + chunk);
      return { contentType: 'audio/wav', totalBytes: bytes.length, offset, data: Buffer.from(part).toString('base64') };
    },
  };
}

describe('loadRecording', () => {
  const file = Uint8Array.from({ length: 2_500 }, (_, i) => (i * 7) % 256);

  it('assembles the chunks in order into one audio blob, reporting progress', async () => {
    const { read, offsets } = storeOf(file, 1_000);
    const progress: number[] = [];
    const blob = await loadRecording(read, 'm1', (share) => progress.push(share));
    expect(offsets).toEqual([0, 1_000, 2_000]);
    expect(progress).toEqual([0.4, 0.8, 1]);
    expect(blob.type).toBe('audio/wav');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(file);
  });

  it('reads an empty recording once', async () => {
    const { read, offsets } = storeOf(new Uint8Array(), 1_000);
    expect((await loadRecording(read, 'm1')).size).toBe(0);
    expect(offsets).toEqual([0]);
  });

  it('refuses a recording that ends before its length', async () => {
    const { read } = storeOf(file, 1_000, 2_000);
    await expect(loadRecording(read, 'm1')).rejects.toThrow('The recording ended early.');
  });

  it('passes the core’s error on (offline, forbidden…)', async () => {
    const read: ReadChunk = async () => {
      throw new Error('The workstation is offline; this needs the server.');
    };
    await expect(loadRecording(read, 'm1')).rejects.toThrow(/offline/);
  });
});
