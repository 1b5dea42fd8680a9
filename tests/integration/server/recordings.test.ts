/**
 * Call recordings relayed by the server, as a reviewer and a lead meet them: the chunks add up to
 * the provider's file byte for byte (with Range and without), only people who may see the
 * conversation can listen, only allowed origins are fetched, and a provider that is down, missing
 * the file or sending something that is not audio gives a clear error.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDING_CHUNK_BYTES, type RecordingChunk } from '../../../shared/contracts/recordings';
import { startDemoRecordingStore, synthesiseRecording, type DemoRecordingStore } from '../../../server/demo/recordingStore';
import { startTestServer, testBackends, type TestServer } from './harness';
import { QA_CREW, signInCrew, socketSync } from './socketSync';

/** A provider that ignores Range (200 with the whole file), or answers what a test asks. */
async function startPlainProvider(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path.startsWith('/plain/')) {
      response.writeHead(200, { 'content-type': 'audio/wav' }).end(synthesiseRecording(path, 30));
    } else if (path.startsWith('/page/')) {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
    } else if (path.startsWith('/broken/')) {
      response.writeHead(500).end();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

for (const backend of testBackends()) {
  describe(`call recordings (${backend})`, () => {
    let server: TestServer;
    let store: DemoRecordingStore;
    let plain: Awaited<ReturnType<typeof startPlainProvider>>;
    /** An allowed origin where nothing listens any more (the provider is down). */
    let deadOrigin: string;
    const tokens = {} as Record<keyof typeof QA_CREW | 'otherAgent', string>;
    const sockets = {} as Record<keyof typeof QA_CREW, Socket>;
    const { pushOk } = socketSync();

    const call = async (recordingUrl: string) => {
      const response = await server.ingest({
        channel: 'voice',
        externalId: randomUUID(),
        contact: { externalId: randomUUID(), name: '陈静', phone: '+8613800000000' },
        text: '客户来电：退货进度',
        call: { durationSec: 95, recordingUrl },
      });
      expect(response.status).toBe(202);
      const { conversationId, messageId } = (await response.json()) as { conversationId: string; messageId: string };
      return { conversationId, messageId };
    };
    const read = async (token: string, messageId: string, offset = 0) => {
      const response = await fetch(`${server.url}/api/v1/recordings/${messageId}?offset=${offset}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: (await response.json()) as RecordingChunk & { code?: string; message?: string } };
    };
    const readAll = async (token: string, messageId: string) => {
      const parts: Buffer[] = [];
      let offset = 0;
      let chunks = 0;
      for (;;) {
        const { status, body } = await read(token, messageId, offset);
        expect(status).toBe(200);
        const bytes = Buffer.from(body.data, 'base64');
        parts.push(bytes);
        offset += bytes.length;
        chunks += 1;
        if (offset >= body.totalBytes) return { bytes: Buffer.concat(parts), chunks, contentType: body.contentType };
      }
    };

    beforeAll(async () => {
      store = await startDemoRecordingStore({ seconds: 20 });
      plain = await startPlainProvider();
      const gone = await startPlainProvider();
      deadOrigin = gone.origin;
      await gone.close();
      server = await startTestServer({ backend, recordingOrigins: [store.origin, plain.origin, deadOrigin] });
      await signInCrew(server, QA_CREW, tokens, sockets);
      // 陈杰 works in tech support only: not the team voice calls land in here.
      tokens.otherAgent = (await server.login('chen.jie@demo.switchboard')).token;
    });
    afterAll(async () => {
      await server?.cleanup();
      await store?.close();
      await plain?.close();
    });

    it('gives the team’s lead the provider’s recording byte for byte, in chunks', async () => {
      const url = `${store.origin}/calls/a-1.wav`;
      const { messageId } = await call(url);
      const whole = await readAll(tokens.lead, messageId);
      const expected = synthesiseRecording('/calls/a-1.wav', 20);
      expect(whole.bytes.equals(expected)).toBe(true);
      expect(whole.chunks).toBe(Math.ceil(expected.length / RECORDING_CHUNK_BYTES));
      expect(whole.contentType).toBe('audio/wav');
    });

    it('serves a provider that ignores Range from one download', async () => {
      const { messageId } = await call(`${plain.origin}/plain/b-2.wav`);
      const whole = await readAll(tokens.admin, messageId);
      expect(whole.bytes.equals(synthesiseRecording('/plain/b-2.wav', 30))).toBe(true);
      expect(whole.chunks).toBeGreaterThan(1);
    });

    it('lets a reviewer listen once the conversation is theirs to review, and nobody outside', async () => {
      const { conversationId, messageId } = await call(`${store.origin}/calls/c-3.wav`);
      expect((await read(tokens.reviewer, messageId)).status).toBe(403);
      expect((await read(tokens.otherAgent, messageId)).body).toMatchObject({ code: 'forbidden' });
      await pushOk(sockets.lead, 'qa.assign', { id: randomUUID(), conversationId, reviewerId: 'agent-zhou-min' });
      const { status, body } = await read(tokens.reviewer, messageId);
      expect(status).toBe(200);
      expect(body.offset).toBe(0);
      expect(Buffer.from(body.data, 'base64').subarray(0, 4).toString('ascii')).toBe('RIFF');
      // An agent of the team may listen to their team's calls.
      expect((await read(tokens.agent, messageId)).status).toBe(200);
      const noToken = await fetch(`${server.url}/api/v1/recordings/${messageId}`);
      expect(noToken.status).toBe(401);
    });

    it('never fetches from an origin that is not allowed', async () => {
      const before = store.requests;
      const { messageId } = await call('http://169.254.169.254/latest/meta-data.wav');
      const { status, body } = await read(tokens.admin, messageId);
      expect(status).toBe(403);
      expect(body.message).toMatch(/169\.254\.169\.254.*SWITCHBOARD_RECORDING_ORIGINS/);
      expect(store.requests).toBe(before);
    });

    it('says what went wrong: no recording, gone, broken, not audio, past the end, bad offset', async () => {
      const plainCall = await server.ingest({
        channel: 'voice',
        externalId: randomUUID(),
        contact: { externalId: randomUUID(), name: '无录音' },
        text: '客户来电',
        call: { durationSec: 10 },
      });
      const { messageId: bare } = (await plainCall.json()) as { messageId: string };
      expect((await read(tokens.lead, bare)).body).toMatchObject({ code: 'not_found', message: 'this message has no recording' });

      const gone = await call(`${plain.origin}/missing/x.wav`);
      expect((await read(tokens.lead, gone.messageId)).body).toMatchObject({ code: 'not_found' });
      const broken = await call(`${plain.origin}/broken/x.wav`);
      expect(await read(tokens.lead, broken.messageId)).toMatchObject({ status: 503, body: { code: 'offline' } });
      const page = await call(`${plain.origin}/page/x.wav`);
      expect((await read(tokens.lead, page.messageId)).body).toMatchObject({ code: 'invalid', message: expect.stringMatching(/not audio/) });

      const ok = await call(`${store.origin}/calls/d-4.wav`);
      expect((await read(tokens.lead, ok.messageId, 10 ** 9)).body).toMatchObject({ code: 'invalid' });
      const bad = await fetch(`${server.url}/api/v1/recordings/${ok.messageId}?offset=-1`, {
        headers: { authorization: `Bearer ${tokens.lead}` },
      });
      expect(bad.status).toBe(400);
    });

    it('answers 503 when the provider cannot be reached', async () => {
      const { messageId } = await call(`${deadOrigin}/calls/y.wav`);
      const { status, body } = await read(tokens.lead, messageId);
      expect(status).toBe(503);
      expect(body).toMatchObject({ code: 'offline', message: 'the recording store cannot be reached' });
    });
  });
}
