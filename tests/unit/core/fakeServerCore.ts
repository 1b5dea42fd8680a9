/**
 * A workstation core signed in to a server faked at `fetch`: the login answers with `token`, every
 * other request is recorded and answered by the test. For the core's calls that proxy a settings
 * route (admin.*, qa.samplingRules.*). Cores and their data dirs go after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import type { Agent } from '../../../shared/domain/model';
import { FakeSocket } from './fakeSocket';

export const FAKE_SERVER = 'http://127.0.0.1:9';

export interface FakeRequest {
  url: string;
  method: string;
  authorization: string | null;
  body: unknown;
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Registers the clean-up; returns `signedIn(agent, answer)` for the suite's tests. */
export function fakeServerCores(token: string) {
  const dirs: string[] = [];
  const cores: Core[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  return async function signedIn(
    agent: Agent,
    answer: (request: FakeRequest) => Response | Promise<Response>,
  ) {
    const requests: FakeRequest[] = [];
    const fetchImpl = (async (input: string | URL, init: RequestInit = {}) => {
      const url = String(input);
      if (url.endsWith('/api/v1/auth/login')) return json({ token, agent });
      const headers = new Headers(init.headers);
      const request: FakeRequest = {
        url,
        method: init.method ?? 'GET',
        authorization: headers.get('authorization'),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      requests.push(request);
      return answer(request);
    }) as typeof fetch;
    const dir = mkdtempSync(join(tmpdir(), 'sb-core-fake-server-'));
    dirs.push(dir);
    const core = createCore({
      dataDir: dir,
      serverUrl: FAKE_SERVER,
      fetch: fetchImpl,
      createSocket: () => new FakeSocket(),
    });
    cores.push(core);
    const login = await core.rpc.handle('session.login', { email: agent.email, password: 'pw' });
    expect(login.ok).toBe(true);
    return { core, requests };
  };
}
