/**
 * End-to-end harness: a real server (embedded SQLite, demo seed), a real workstation core and its
 * web host, all on 127.0.0.1 in this test process; the UI is the built renderer in Chromium.
 */
import { expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app';
import type { SurveySettings } from '../../shared/surveys';
import type { AlertSettings } from '../../shared/alerts';
import { DEMO_CHANNEL_TOKENS, DEMO_PASSWORD } from '../../server/demo/seed';
import { createCore } from '../../electron/core/core';
import { startWebHost } from '../../electron/core/host/webHost';
import type { IngestMessageRequest, IngestMessageResponse } from '../../shared/contracts/http';
import type { SlaPolicyRecord } from '../../shared/sla/policies';
import type { BotSettings } from '../../server/domain/bot/settings';

export interface Stack {
  serverUrl: string;
  appUrl: string;
  ingest(body: IngestMessageRequest): Promise<IngestMessageResponse>;
  /** Cut / restore the workstation core's server connection (the session stays). */
  goOffline(): void;
  goOnline(): void;
  stop(): Promise<void>;
}

export const DEMO_AGENT = { email: 'li.na@demo.switchboard', password: DEMO_PASSWORD };
/** The demo team lead (leads every team). */
export const DEMO_LEAD = { email: 'liu.yang@demo.switchboard', password: DEMO_PASSWORD };
/** The demo QA reviewer. */
export const DEMO_REVIEWER = { email: 'zhou.min@demo.switchboard', password: DEMO_PASSWORD };
/** The demo's second QA reviewer (calibration needs two). */
export const DEMO_SECOND_REVIEWER = { email: 'sun.li@demo.switchboard', password: DEMO_PASSWORD };

export interface StackOptions {
  /** Replace the demo SLA policies (e.g. a short one so a countdown turns red during a test). */
  slaPolicies?: SlaPolicyRecord[];
  /** Bot settings; by default the bot is off so a chat lands in its team queue at once. */
  bot?: Partial<BotSettings>;
  /** How long a VIP may wait in the queue before the leads are alerted (server default 2 min). */
  vipWaitMs?: number;
  /** Survey settings; by default no survey is sent, so a resolved thread ends with the agent's last line. */
  surveys?: Partial<SurveySettings>;
  /** Seed the demo centre's quality review (a scorecard, five conversations for zhou.min, two reviewed). */
  seedDemoReviews?: boolean;
  /** Replace the admin's alert settings (thresholds, limits per hour) before the test. */
  alertSettings?: AlertSettings;
  /** Origins the server may relay call recordings from (a test's recording store). */
  recordingOrigins?: string[];
}

/**
 * SLA policies that make a chat's first response fall due within seconds (the rest of the centre
 * keeps a two-hour default), so a test can watch a countdown warn and breach.
 */
export function quickChatPolicies(firstResponseMin: number, warnBeforeMin?: number): SlaPolicyRecord[] {
  return [
    {
      id: 'e2e-chat',
      name: 'E2E chat',
      match: { channels: ['chat'] },
      calendarId: 'cal-24x7',
      firstResponseMin,
      ...(warnBeforeMin === undefined ? {} : { warnBeforeMin }),
    },
    { id: 'e2e-default', name: 'Default', match: {}, calendarId: 'cal-office', firstResponseMin: 120 },
  ];
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dir, 'server'),
    seedDemo: true,
    logger: false,
    bot: { channels: [], ...options.bot },
    surveys: { channels: [], ...options.surveys },
    vipWaitMs: options.vipWaitMs,
    seedDemoReviews: options.seedDemoReviews,
    recordingOrigins: options.recordingOrigins,
  });
  if (options.slaPolicies) await putAsAdmin(server.url, '/api/v1/admin/sla/policies', { policies: options.slaPolicies });
  if (options.alertSettings) await putAsAdmin(server.url, '/api/v1/admin/alert-settings', { settings: options.alertSettings });
  const core = createCore({ dataDir: join(dir, 'core'), serverUrl: server.url });
  const host = await startWebHost({ core, staticDir: join(__dirname, '../../out/renderer'), port: 0 });
  return {
    serverUrl: server.url,
    appUrl: host.url,
    async ingest(body) {
      const response = await fetch(`${server.url}/api/v1/ingest/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${DEMO_CHANNEL_TOKENS[body.channel]}`,
        },
        body: JSON.stringify(body),
      });
      if (response.status !== 202)
        throw new Error(`ingest failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as IngestMessageResponse;
    },
    goOffline: () => core.goOffline(),
    goOnline: () => core.goOnline(),
    async stop() {
      await host.close();
      await core.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PUT an admin route (SLA policies, alert settings) as the demo admin. */
async function putAsAdmin(serverUrl: string, path: string, body: unknown): Promise<void> {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.switchboard', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${serverUrl}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

/**
 * Sign the demo agent (or `who`) in through the login screen, unless the core still holds a session from an
 * earlier test (as after a reload), and wait until the workstation is online.
 */
export async function signIn(page: Page, stack: Stack, who = DEMO_AGENT): Promise<void> {
  await page.goto(stack.appUrl);
  const email = page.getByTestId('login-email');
  // A reviewer's first screen is Quality; everyone else's the inbox.
  const reviewer = who.email === DEMO_REVIEWER.email || who.email === DEMO_SECOND_REVIEWER.email;
  const shell = page.getByTestId(reviewer ? 'qa-screen' : 'scope-tab-mine');
  // The stack has one workstation core: someone else still signed in there signs out first.
  const current = page.getByTestId('signed-in-agent');
  await expect(email.or(current)).toBeVisible();
  if ((await current.isVisible()) && (await current.getAttribute('data-email')) !== who.email) {
    await page.getByTestId('sign-out').click();
    await expect(email).toBeVisible();
  }
  if (await email.isVisible()) {
    await email.fill(who.email);
    await page.getByTestId('login-password').fill(who.password);
    await page.getByTestId('login-submit').click();
  }
  await expect(shell).toBeVisible();
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'online');
}
