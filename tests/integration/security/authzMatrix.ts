/**
 * The authorization matrix as data: who may call every socket event, mutation and HTTP route.
 * authz.test.ts probes each cell against a real server and fails when the server gains an event,
 * mutation or route that has no entry here. Adding one is a line in SOCKET_MATRIX (with, for a
 * new mutation, its arguments in mutationArgs) or in HTTP_MATRIX; routes under /api/v1/admin/
 * are covered by the admin-only rule unless they have a line of their own.
 *
 * Callers: an agent of the owning team (li.na, 售前), an agent of another team (chen.jie), a
 * reviewer, a lead, an admin, no token, an expired token (valid signature and session, past
 * `exp`), a revoked token, and a channel ingest token where a route takes one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { WIDGET_BUNDLE } from '../../../server/http/widget';
import { CLIENT_EVENT_NAMES, SERVER_EVENT_NAMES, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import type { MutationName } from '../../../shared/contracts/sync';

export const CALLERS = [
  'agentOwner',
  'agentOther',
  'reviewer',
  'lead',
  'admin',
  'noToken',
  'expired',
  'revoked',
  'channel',
] as const;
export type Caller = (typeof CALLERS)[number];
export const SIGNED_IN = ['agentOwner', 'agentOther', 'reviewer', 'lead', 'admin'] as const;
export type SignedIn = (typeof SIGNED_IN)[number];

export const EMAIL: Record<SignedIn, string> = {
  agentOwner: 'li.na@demo.switchboard',
  agentOther: 'chen.jie@demo.switchboard',
  reviewer: 'zhou.min@demo.switchboard',
  lead: 'liu.yang@demo.switchboard',
  admin: 'admin@demo.switchboard',
};
export const AGENT_ID: Record<SignedIn, string> = {
  agentOwner: 'agent-li-na',
  agentOther: 'agent-chen-jie',
  reviewer: 'agent-zhou-min',
  lead: 'agent-liu-yang',
  admin: 'agent-admin',
};

// ---- Socket matrix ---------------------------------------------------------------------------
// 'refused': the handshake fails with `unauthorized`, so no event can be sent at all.
// 'ok' / error code: the ack of the event (for sync.push: the mutation's result).
// pull:visible / pull:hidden: the pull succeeds and the 售前 conversation is / is not in it.

export type SocketOutcome = 'refused' | 'ok' | 'forbidden' | 'not_found' | 'unknown_event' | 'pull:visible' | 'pull:hidden';

export const HANDSHAKE: Record<Caller, 'connected' | 'refused'> = {
  agentOwner: 'connected',
  agentOther: 'connected',
  reviewer: 'connected',
  lead: 'connected',
  admin: 'connected',
  noToken: 'refused',
  expired: 'refused',
  revoked: 'refused',
  channel: 'refused',
};


/**
 * Every socket event of the contract (shared/contracts/socket.ts), both directions: each needs a
 * SOCKET_MATRIX line (`sync.push` is covered per mutation instead). A server event sent by a
 * client must be answered `unknown_event`.
 */
export const SOCKET_EVENT_CONTRACTS: Record<string, readonly string[]> = {
  'client → server': CLIENT_EVENT_NAMES,
  'server → client': SERVER_EVENT_NAMES,
};

/** Columns: client → server events, server → client events sent by a client, and one per mutation. */
export const SOCKET_MATRIX: Record<string, Record<SignedIn, SocketOutcome>> = {
  [SOCKET_EVENTS.pull]:        { agentOwner: 'pull:visible', agentOther: 'pull:hidden', reviewer: 'pull:hidden', lead: 'pull:visible', admin: 'pull:visible' },
  [SOCKET_EVENTS.poke]:        { agentOwner: 'unknown_event', agentOther: 'unknown_event', reviewer: 'unknown_event', lead: 'unknown_event', admin: 'unknown_event' },
  [SOCKET_EVENTS.revoked]:     { agentOwner: 'unknown_event', agentOther: 'unknown_event', reviewer: 'unknown_event', lead: 'unknown_event', admin: 'unknown_event' },
  [SOCKET_EVENTS.head]:        { agentOwner: 'unknown_event', agentOther: 'unknown_event', reviewer: 'unknown_event', lead: 'unknown_event', admin: 'unknown_event' },
  'push:message.send':         { agentOwner: 'ok', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  'push:conversation.assign':  { agentOwner: 'ok', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  'push:conversation.transfer':{ agentOwner: 'ok', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  'push:conversation.setStatus':{ agentOwner: 'ok', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  'push:conversation.setPriority':{ agentOwner: 'ok', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  // Assigning to someone else (an agent of the team): only leads and admins.
  'push:conversation.assign(other)': { agentOwner: 'forbidden', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  // Canned responses of the 售前 library: its leads and admins edit; whoever sees it may use it;
  // an agent of another team does not see it at all (not_found).
  'push:canned.create':        { agentOwner: 'forbidden', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  'push:canned.update':        { agentOwner: 'forbidden', agentOther: 'not_found', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  'push:canned.delete':        { agentOwner: 'forbidden', agentOther: 'not_found', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  'push:canned.used':          { agentOwner: 'ok', agentOther: 'not_found', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  // A personal response: only its owner (here li.na) edits it, not even an admin.
  // Presence: everyone sets their own status, except reviewers, who change nothing.
  'push:agent.setStatus':      { agentOwner: 'ok', agentOther: 'ok', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  'push:canned.update(personal)': { agentOwner: 'ok', agentOther: 'not_found', reviewer: 'forbidden', lead: 'not_found', admin: 'not_found' },
  // Collision detection: whoever may see the 售前 conversation may say they view it; the broadcast is server → client only.
  [SOCKET_EVENTS.presence]:        { agentOwner: 'ok', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  [SOCKET_EVENTS.presenceChanged]: { agentOwner: 'unknown_event', agentOther: 'unknown_event', reviewer: 'unknown_event', lead: 'unknown_event', admin: 'unknown_event' },
  [SOCKET_EVENTS.customerTyping]: { agentOwner: 'unknown_event', agentOther: 'unknown_event', reviewer: 'unknown_event', lead: 'unknown_event', admin: 'unknown_event' },
  // SLA notices are server → client only.
  [SOCKET_EVENTS.slaWarning]: { agentOwner: 'unknown_event', agentOther: 'unknown_event', reviewer: 'unknown_event', lead: 'unknown_event', admin: 'unknown_event' },
  [SOCKET_EVENTS.slaBreached]: { agentOwner: 'unknown_event', agentOther: 'unknown_event', reviewer: 'unknown_event', lead: 'unknown_event', admin: 'unknown_event' },
  // A 售前 alert: its leads and admins acknowledge it; agents never (they never receive alerts).
  'push:alert.acknowledge':    { agentOwner: 'forbidden', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  // Quality review of a 售前 conversation. Scorecards: admins only. Sending for review (to
  // zhou.min): the team's leads and admins. Skipping: only the reviewer it was assigned to (the
  // assignment is not even there for anyone else). Submitting: the assigned reviewer, or a lead of
  // the team or an admin unasked; agents never review.
  'push:qa.scorecard.save':    { agentOwner: 'forbidden', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'forbidden', admin: 'ok' },
  'push:qa.assign':            { agentOwner: 'forbidden', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  // Calibration (zhou.min and sun.li score it blind): the team's leads and admins start one.
  'push:qa.calibration.start': { agentOwner: 'forbidden', agentOther: 'forbidden', reviewer: 'forbidden', lead: 'ok', admin: 'ok' },
  'push:qa.skip':              { agentOwner: 'not_found', agentOther: 'not_found', reviewer: 'ok', lead: 'not_found', admin: 'not_found' },
  'push:qa.review.submit':     { agentOwner: 'forbidden', agentOther: 'forbidden', reviewer: 'ok', lead: 'ok', admin: 'ok' },
  // A review of li.na's work: she alone acknowledges or disputes it (others who see it: forbidden;
  // another team's agent does not see it); the reviewer, the team's leads and admins settle a dispute.
  'push:qa.review.acknowledge': { agentOwner: 'ok', agentOther: 'not_found', reviewer: 'forbidden', lead: 'forbidden', admin: 'forbidden' },
  'push:qa.review.dispute':    { agentOwner: 'ok', agentOther: 'not_found', reviewer: 'forbidden', lead: 'forbidden', admin: 'forbidden' },
  'push:qa.review.resolve':    { agentOwner: 'forbidden', agentOther: 'not_found', reviewer: 'ok', lead: 'ok', admin: 'ok' },
};

/** Arguments of each conversation mutation column, aimed at the 售前 conversation `conversationId`. */
export function mutationArgs(name: MutationName, conversationId: string, self: string): unknown {
  switch (name) {
    case 'message.send':
      return { conversationId, messageId: randomUUID(), kind: 'text', text: 'authorization matrix' };
    case 'conversation.assign':
      return { conversationId, assigneeId: self, baseVersion: 0 };
    case 'conversation.transfer':
      return { conversationId, teamId: 'team-aftersales', assigneeId: null, baseVersion: 0 };
    case 'conversation.setStatus':
      return { conversationId, status: 'pending', baseVersion: 0 };
    case 'conversation.setPriority':
      return { conversationId, priority: 'high', baseVersion: 0 };
    default:
      throw new Error(`no arguments written for ${name}: add a SOCKET_MATRIX column and a case here`);
  }
}

// ---- HTTP matrix -----------------------------------------------------------------------------
// The status each caller gets. Requests carry no valid body where the route needs one, except
// where noted, so an authorized caller gets 400 and no write happens; 401/403 prove the gate.

export interface RouteSpec {
  body?: unknown;
  expect: Record<Caller, number>;
}
const all = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;

export const HTTP_MATRIX: Record<string, RouteSpec> = {
  'GET /healthz': { expect: all(200) },
  // A token is not a credential: login answers by the body only (wrong password: 401).
  'POST /api/v1/auth/login': { body: { email: 'li.na@demo.switchboard', password: 'wrong' }, expect: all(401) },
  // Each signed-in caller logs out a throwaway session of its own.
  'POST /api/v1/auth/logout': {
    expect: { ...all(200), noToken: 401, expired: 401, revoked: 401, channel: 401 },
  },
  // Ingest takes channel tokens only; agent tokens (even an admin's) are refused.
  'POST /api/v1/ingest/messages': { body: {}, expect: { ...all(401), channel: 400 } },
  'POST /api/v1/ingest/surveys': { body: {}, expect: { ...all(401), channel: 400 } },
  // Routing (valid bodies, so the gate is what decides): own capacity for anyone signed in;
  // team routing and capacities for the team's leads and admins only.
  'GET /api/v1/routing/me': { expect: { ...all(401), agentOwner: 200, agentOther: 200, reviewer: 200, lead: 200, admin: 200 } },
  'GET /api/v1/routing/teams/:teamId': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 200, admin: 200 } },
  'PUT /api/v1/routing/teams/:teamId': {
    body: { autoAssign: false },
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 200, admin: 200 },
  },
  'PUT /api/v1/routing/agents/:agentId/capacity': {
    body: { capacity: { chat: 3, email: 10, voice: 1, sms: 5, social: 5 } },
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 200, admin: 200 },
  },
  // A lead setting an agent's status (li.na, back to available): her teams' leads and admins;
  // not even li.na herself through this route (she uses agent.setStatus).
  'PUT /api/v1/routing/agents/:agentId/status': {
    body: { status: 'available' },
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 200, admin: 200 },
  },
  // The SLA report: leads and admins; without its query (from, to) they get 400.
  'GET /api/v1/reports/sla': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 400, admin: 400 } },
  // The quality report: the same gate; without its query (from, to) leads and admins get 400.
  'GET /api/v1/reports/qa': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 400, admin: 400 } },
  // The KPI report: the same gate; without its query (from, to) leads and admins get 400.
  'GET /api/v1/reports/kpi': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 400, admin: 400 } },
  // Sampling rules: leads (their teams' rules) and admins; an empty body is a 400 for them.
  'GET /api/v1/qa/sampling-rules': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 200, admin: 200 } },
  'PUT /api/v1/qa/sampling-rules': {
    body: {},
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 400, admin: 400 },
  },
  // Auto-QA rules: leads and reviewers read them, admins replace them (an empty body is their 400).
  'GET /api/v1/qa/auto-rules': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 200, lead: 200, admin: 200 } },
  'PUT /api/v1/qa/auto-rules': {
    body: {},
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 400 },
  },
  // Alert settings: admins only (an empty body is a 400 for them, naming the fields).
  'GET /api/v1/admin/alert-settings': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 200 } },
  'PUT /api/v1/admin/alert-settings': {
    body: {},
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 400 },
  },
  // Relabelling a customer message: agents and leads of its team, admins (an empty body is a 400
  // for those who may; a message that does not exist is a 403 except for admins, who get 404 —
  // the route checks the body first, so all of them answer 400 here). Reviewers never.
  'POST /api/v1/messages/:messageId/insight': {
    body: {},
    expect: { ...all(401), agentOwner: 400, agentOther: 400, reviewer: 403, lead: 400, admin: 400 },
  },
  // Webhooks: admins only. Without a body an admin gets 400; an endpoint that does not exist 404.
  'GET /api/v1/admin/connectors': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 200 } },
  'GET /api/v1/admin/webhooks': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 200 } },
  'POST /api/v1/admin/webhooks': {
    body: {},
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 400 },
  },
  'PUT /api/v1/admin/webhooks/:id': {
    body: {},
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 400 },
  },
  'DELETE /api/v1/admin/webhooks/:id': {
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 404 },
  },
  'GET /api/v1/admin/webhooks/:id/deliveries': {
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 404 },
  },
  // The web chat widget's files are public: the script (404 until `npm run build` made it) and
  // the demo shop page (this server has the demo data). The widget's own events live on the
  // `/visitor` namespace, where no agent token works: tests/integration/core/widget.test.ts.
  'GET /widget.js': { expect: all(existsSync(WIDGET_BUNDLE) ? 200 : 404) },
  'GET /demo/widget': { expect: all(200) },
  // Classifier versions: admins only. Asking for a retraining queues one (202, idempotent while it
  // waits); activating a version that does not exist is a 404 (retraining.test.ts has the rest).
  'GET /api/v1/admin/nlu/models': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 200 } },
  'POST /api/v1/admin/nlu/models/retrain': {
    body: {},
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 202 },
  },
  'POST /api/v1/admin/nlu/models/:version/activate': {
    body: {},
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 404 },
  },
  // Mutes: leads (their teams) and admins. An empty body is a 400 for them; unmuting a
  // conversation that does not exist a 404 (another team's lead: alerts.test.ts / alertTriage.test.ts).
  'GET /api/v1/alerts/mutes': { expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 200, admin: 200 } },
  'PUT /api/v1/alerts/mutes/:conversationId': {
    body: {},
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 400, admin: 400 },
  },
  'DELETE /api/v1/alerts/mutes/:conversationId': {
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 404, admin: 404 },
  },
  // The waiting line's history: leads and admins; without its query (teamId) they get 400.
  'GET /api/v1/live/waiting-history': {
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 400, admin: 400 },
  },
  // Call recordings: whoever may see the conversation (recordings.test.ts has the real calls). A
  // message that does not exist is a 403 for everyone but an admin, so nobody learns it exists.
  'GET /api/v1/recordings/:messageId': {
    expect: { ...all(401), agentOwner: 403, agentOther: 403, reviewer: 403, lead: 403, admin: 404 },
  },
};

/** Path parameters filled in: the 售前 team, li.na, and a conversation and message that do not exist. */
export const PATH_PARAMS: Record<string, string> = {
  ':teamId': 'team-presales',
  ':agentId': 'agent-li-na',
  ':conversationId': 'conversation-not-there',
  ':messageId': 'message-not-there',
  ':version': '999',
};
export const fillParams = (url: string) => url.replace(/:\w+/g, (name) => PATH_PARAMS[name] ?? name);

/** Admin API (any route under /api/v1/admin/): admins only. GET answers 200; writes with an empty body 400. */
function adminRoute(method: string): RouteSpec {
  return {
    body: method === 'GET' ? undefined : {},
    expect: {
      ...all(401),
      agentOwner: 403,
      agentOther: 403,
      reviewer: 403,
      lead: 403,
      admin: method === 'GET' ? 200 : 400,
    },
  };
}

export function routeSpec(route: string): RouteSpec | undefined {
  if (HTTP_MATRIX[route]) return HTTP_MATRIX[route];
  const [method, url] = route.split(' ');
  if (url!.startsWith('/api/v1/admin/')) return adminRoute(method!);
  return undefined;
}
