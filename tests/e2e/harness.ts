/**
 * End-to-end harness: a real server (embedded SQLite, demo seed), a real workstation core and its
 * web host, all on 127.0.0.1 in this test process; the UI is the built renderer in Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app';
import { DEMO_CHANNEL_TOKENS, DEMO_PASSWORD } from '../../server/demo/seed';
import { createCore } from '../../electron/core/core';
import { startWebHost } from '../../electron/core/host/webHost';
import type { IngestMessageRequest, IngestMessageResponse } from '../../shared/contracts/http';

export interface Stack {
  serverUrl: string;
  appUrl: string;
  ingest(body: IngestMessageRequest): Promise<IngestMessageResponse>;
  stop(): Promise<void>;
}

export const DEMO_AGENT = { email: 'li.na@demo.switchboard', password: DEMO_PASSWORD };

export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-e2e-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'server'), seedDemo: true, logger: false });
  const core = createCore({ dataDir: join(dir, 'core'), serverUrl: server.url });
  const host = await startWebHost({ core, staticDir: join(__dirname, '../../out/renderer'), port: 0 });
  return {
    serverUrl: server.url,
    appUrl: host.url,
    async ingest(body) {
      const response = await fetch(`${server.url}/api/v1/ingest/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS[body.channel]}` },
        body: JSON.stringify(body),
      });
      if (response.status !== 202) throw new Error(`ingest failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as IngestMessageResponse;
    },
    async stop() {
      await host.close();
      await core.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
