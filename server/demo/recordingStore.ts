/**
 * The demo centre's telephony recording store: a small HTTP server on 127.0.0.1 that answers
 * GET /<anything>.wav with a synthesised call recording (two voices as alternating soft tones, the
 * same bytes for the same name), honouring Range like a real provider. `npm start` points the
 * simulator's call recordings at it and lets the server relay from its origin, so a reviewer can
 * play a demo call; tests use it as a provider that can also be slow, missing or broken.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const SAMPLE_RATE = 16_000;

export interface DemoRecordingStore {
  /** `http://127.0.0.1:port`: the origin to allow in SWITCHBOARD_RECORDING_ORIGINS. */
  origin: string;
  /** Requests answered, for tests. */
  requests: number;
  close(): Promise<void>;
}

/** A mono 16-bit PCM WAV of `seconds`, its tones picked from `name`. */
export function synthesiseRecording(name: string, seconds: number): Buffer {
  const seed = createHash('sha256').update(name).digest();
  const samples = Math.round(seconds * SAMPLE_RATE);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  // Turns of 1.5 s: customer and agent alternate at their own pitch, with a pause between.
  const turn = 1.5 * SAMPLE_RATE;
  for (let i = 0; i < samples; i += 1) {
    const index = Math.floor(i / turn);
    const within = (i % turn) / turn;
    const pitch = (index % 2 === 0 ? 180 : 240) + (seed[index % seed.length]! % 40);
    const envelope = within < 0.8 ? Math.sin((within / 0.8) * Math.PI) : 0;
    const value = Math.sin((2 * Math.PI * pitch * i) / SAMPLE_RATE) * envelope * 0.25;
    wav.writeInt16LE(Math.round(value * 32_767), 44 + i * 2);
  }
  return wav;
}

export async function startDemoRecordingStore(options: { seconds?: number; port?: number } = {}): Promise<DemoRecordingStore> {
  const seconds = options.seconds ?? 24;
  const store = { requests: 0 } as { requests: number };
  const server: Server = createServer((request, response) => {
    store.requests += 1;
    const path = new URL(request.url ?? '/', 'http://store').pathname;
    if (request.method !== 'GET' || !path.endsWith('.wav')) {
      response.writeHead(404).end();
      return;
    }
    const wav = synthesiseRecording(path, seconds);
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    if (!range) {
      response.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length }).end(wav);
      return;
    }
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : wav.length - 1, wav.length - 1);
    if (start >= wav.length) {
      response.writeHead(416, { 'content-range': `bytes */${wav.length}` }).end();
      return;
    }
    response
      .writeHead(206, {
        'content-type': 'audio/wav',
        'content-range': `bytes ${start}-${end}/${wav.length}`,
        'content-length': end - start + 1,
      })
      .end(wav.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(store, {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
