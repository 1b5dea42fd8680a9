/**
 * Demo traffic simulator: simulated customers writing to the demo contact centre on every channel,
 * through the public ingest API only (so it exercises exactly what a real integration would).
 *
 * Owns: pacing, follow-up turns, retries and the optional "thanks" answers to agent replies.
 * Imports: shared/ contracts and the simulator*.ts / scripts*.ts modules beside it; nothing else
 * of the server, so it can run in-process or against a remote server alike.
 *
 * Invariants: never throws after start (failures are counted and retried later); after stop()
 * resolves no timer is left and no request is in flight; a retry reuses the message's externalId,
 * so a request that reached the server before timing out becomes a harmless duplicate.
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from '../../shared/domain/model';
import { SwitchboardError, describeIssues } from '../../shared/contracts/errors';
import type { IngestMessageRequest, IngestMessageResponse } from '../../shared/contracts/http';
import { createRng, deriveSeed } from './simulatorRandom';
import { sendIngestMessage, sendIngestSurvey, type SendOutcome } from './simulatorHttp';
import {
  REFERENCE_RATE_PER_MINUTE,
  createPlanner,
  messageExternalId,
  planConversations,
  type PlannedConversation,
} from './simulatorPlan';
import { buildAcknowledgement } from './simulatorMessages';

export { planConversations, previewMessages, createPlanner } from './simulatorPlan';
export type { PlannedConversation, PlannedMessage } from './simulatorPlan';

/** An agent's reply as delivered by the demo outbound connector. */
export interface OutboundReply {
  conversationId: string;
  text: string;
  /** The surveys this message invites the customer to answer (a survey invitation). */
  survey?: readonly ('csat' | 'nps')[];
}
/** Subscribes to delivered agent replies; may return an unsubscribe function. */
export type OutboundSubscribe = (listener: (reply: OutboundReply) => void) => (() => void) | void;

/** The part of node:events' EventEmitter the adapter below needs. */
export interface OutboundEmitter {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

/**
 * Adapts an in-process emitter of delivered replies to `onOutbound`. Accepts either
 * `{ conversationId, text }` or the demo connector's `{ conversation: { id }, message: { text } }`
 * payload; anything else is ignored. Duck-typed so the simulator imports nothing of the server.
 */
export function outboundFromEmitter(emitter: OutboundEmitter, event = 'outbound'): OutboundSubscribe {
  return (listener) => {
    const handler = (payload: unknown): void => {
      const reply = toOutboundReply(payload);
      if (reply) listener(reply);
    };
    emitter.on(event, handler);
    return () => {
      emitter.off(event, handler);
    };
  };
}

function toOutboundReply(payload: unknown): OutboundReply | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as {
    conversationId?: unknown;
    text?: unknown;
    conversation?: { id?: unknown };
    message?: { text?: unknown; detail?: { kind?: unknown; surveys?: unknown } | null };
  };
  const conversationId = typeof p.conversationId === 'string' ? p.conversationId : p.conversation?.id;
  const text = typeof p.text === 'string' ? p.text : p.message?.text;
  if (typeof conversationId !== 'string' || typeof text !== 'string') return null;
  const detail = p.message?.detail;
  const survey =
    detail?.kind === 'survey_sent' && Array.isArray(detail.surveys)
      ? detail.surveys.filter((kind): kind is 'csat' | 'nps' => kind === 'csat' || kind === 'nps')
      : undefined;
  return survey ? { conversationId, text, survey } : { conversationId, text };
}

export type SimulatorEvent =
  | { type: 'sent'; request: IngestMessageRequest; response: IngestMessageResponse | null }
  | {
      type: 'failed';
      request: IngestMessageRequest;
      error: string;
      status: number | null;
      willRetry: boolean;
    };

export interface SimulatorOptions {
  baseUrl: string;
  tokens: Record<Channel, string>;
  /** New conversations per minute (follow-up turns come on top); default 12. */
  ratePerMinute?: number;
  /** Same seed, same conversations in the same order; default: from the clock. */
  seed?: number;
  /** Conversations started at once on start; default 8. */
  burst?: number;
  /** Prefix of every externalId; default: from the clock, so restarts never collide. */
  runId?: string;
  onOutbound?: OutboundSubscribe;
  /** Where simulated calls' recordings live (the demo recording store's origin). */
  recordingBaseUrl?: string;
  /** Chance that a customer answers an agent's reply once their script is done; default 0.5. */
  ackProbability?: number;
  /** Chance that a customer answers a survey invitation; default 0.6. */
  surveyProbability?: number;
  /** First retry delay in ms, doubled per attempt up to 60 s; default 5000. */
  retryDelayMs?: number;
  /** Attempts per message before the conversation is abandoned; default 5. */
  maxAttempts?: number;
  requestTimeoutMs?: number;
  /** Observer for logs and tests; exceptions it throws are ignored. */
  onEvent?: (event: SimulatorEvent) => void;
}

export interface SimulatorStats {
  /** Messages the server accepted (202). */
  sent: number;
  /** Failed attempts (network error, timeout, non-2xx); each retry that fails counts again. */
  failed: number;
}

export interface Simulator {
  stop(): Promise<void>;
  stats(): SimulatorStats;
}

const OptionsSchema = z.object({
  baseUrl: z.url(),
  tokens: z.object(
    Object.fromEntries(CHANNELS.map((c) => [c, z.string().min(1)])) as Record<Channel, z.ZodString>,
  ),
  ratePerMinute: z.number().positive().max(60_000).default(12),
  seed: z.number().int().optional(),
  burst: z.number().int().min(0).max(1_000).default(8),
  runId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
  ackProbability: z.number().min(0).max(1).default(0.5),
  surveyProbability: z.number().min(0).max(1).default(0.6),
  retryDelayMs: z.number().nonnegative().default(5_000),
  maxAttempts: z.number().int().min(1).max(100).default(5),
  requestTimeoutMs: z.number().positive().default(10_000),
  recordingBaseUrl: z.url().optional(),
});

const MAX_RETRY_DELAY_MS = 60_000;
/** setTimeout fires at once for delays above 2^31-1 ms; very low rates are clamped to this. */
const MAX_TIMER_MS = 2_147_483_647;
const MAX_ACKS_PER_CONVERSATION = 2;
/** Conversations remembered for acknowledgements; the oldest are forgotten first. */
const MAX_REMEMBERED_CONVERSATIONS = 1_000;

function parseOptions(options: SimulatorOptions) {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new SwitchboardError('invalid', `simulator options: ${describeIssues(parsed.error)}`);
  const now = Date.now();
  return {
    ...parsed.data,
    seed: parsed.data.seed ?? now % 2_147_483_647,
    runId: parsed.data.runId ?? now.toString(36),
  };
}

interface ConversationState {
  planned: PlannedConversation;
  /** True once every scripted turn was accepted; only then do acknowledgements start. */
  scriptDone: boolean;
  acks: number;
}

export function startSimulator(options: SimulatorOptions): Simulator {
  const config = parseOptions(options);
  const planner = createPlanner({ seed: config.seed, runId: config.runId, recordingBaseUrl: config.recordingBaseUrl });
  const pacing = createRng(deriveSeed(config.seed, 1));
  const acking = createRng(deriveSeed(config.seed, 2));
  const rating = createRng(deriveSeed(config.seed, 3));
  const gapScale = REFERENCE_RATE_PER_MINUTE / config.ratePerMinute;
  const meanArrivalMs = 60_000 / config.ratePerMinute;

  const counters: SimulatorStats = { sent: 0, failed: 0 };
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const inFlight = new Set<Promise<void>>();
  const byServerId = new Map<string, ConversationState>();
  let stopped = false;

  const emit = (event: SimulatorEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // An observer must not break the traffic.
    }
  };

  const later = (ms: number, task: () => void): void => {
    if (stopped) return;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (!stopped) task();
      },
      Math.min(MAX_TIMER_MS, Math.max(0, ms)),
    );
    timers.add(timer);
  };

  const remember = (conversationId: string, state: ConversationState): void => {
    byServerId.delete(conversationId);
    byServerId.set(conversationId, state);
    if (byServerId.size > MAX_REMEMBERED_CONVERSATIONS) {
      const oldest = byServerId.keys().next().value;
      if (oldest !== undefined) byServerId.delete(oldest);
    }
  };

  /** Sends one message, retrying with backoff; calls onAccepted once the server took it. */
  const deliver = (
    state: ConversationState,
    request: IngestMessageRequest,
    attempt: number,
    onAccepted: () => void,
  ): void => {
    if (stopped) return;
    const job = sendIngestMessage(request, {
      baseUrl: config.baseUrl,
      token: config.tokens[request.channel],
      timeoutMs: config.requestTimeoutMs,
    })
      .then((outcome: SendOutcome) => {
        if (outcome.ok) {
          counters.sent++;
          if (outcome.response) remember(outcome.response.conversationId, state);
          emit({ type: 'sent', request, response: outcome.response });
          onAccepted();
          return;
        }
        counters.failed++;
        const willRetry = outcome.retryable && attempt < config.maxAttempts && !stopped;
        emit({ type: 'failed', request, error: outcome.error, status: outcome.status, willRetry });
        if (willRetry) {
          const delay = Math.min(MAX_RETRY_DELAY_MS, config.retryDelayMs * 2 ** (attempt - 1));
          later(delay, () => deliver(state, request, attempt + 1, onAccepted));
        }
        // Otherwise the conversation is abandoned: later turns would make no sense without this one.
      })
      .catch(() => {
        // Only a bug in the callbacks above could land here; the host server must not crash for it.
        counters.failed++;
      });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  };

  const sendTurn = (state: ConversationState, turn: number): void => {
    const planned = state.planned.messages[turn];
    if (!planned) {
      state.scriptDone = true;
      return;
    }
    // occurredAt is when the customer wrote; retries keep it.
    const request: IngestMessageRequest = { ...planned.request, occurredAt: new Date().toISOString() };
    deliver(state, request, 1, () => {
      const next = state.planned.messages[turn + 1];
      if (next) later(next.gapMs * gapScale, () => sendTurn(state, turn + 1));
      else state.scriptDone = true;
    });
  };

  const startConversation = (): void => {
    sendTurn({ planned: planner.next(), scriptDone: false, acks: 0 }, 0);
  };

  const scheduleArrival = (): void => {
    // Uniform jitter of ±50 % keeps the mean rate while avoiding a metronome.
    later(meanArrivalMs * (0.5 + pacing.next()), () => {
      startConversation();
      scheduleArrival();
    });
  };

  /** Most customers are content; a complaint lowers the odds. Some change their mind later. */
  const answerSurvey = (state: ConversationState, conversationId: string, kinds: readonly ('csat' | 'nps')[]): void => {
    if (!rating.chance(config.surveyProbability)) return;
    const unhappy = state.planned.topic === 'complaint' ? 0.45 : 0.12;
    const answers = kinds.map((kind) => {
      const low = rating.chance(unhappy);
      const score =
        kind === 'csat' ? (low ? rating.int(1, 2) : rating.int(3, 5)) : low ? rating.int(0, 6) : rating.int(7, 10);
      return { conversationId, kind, score };
    });
    const send = (list: typeof answers) => {
      for (const answer of list) {
        const job = sendIngestSurvey(answer, {
          baseUrl: config.baseUrl,
          token: config.tokens[state.planned.channel],
          timeoutMs: config.requestTimeoutMs,
        }).then((outcome) => {
          if (outcome.ok) counters.sent++;
          else counters.failed++;
        });
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
      }
    };
    later(rating.int(5_000, 40_000) * gapScale, () => send(answers));
    // One in ten changes their satisfaction rating a little later (the server keeps both).
    const first = answers.find((answer) => answer.kind === 'csat');
    if (first && rating.chance(0.1)) {
      const second = { ...first, score: first.score <= 2 ? rating.int(3, 5) : rating.int(1, 3) };
      later(rating.int(60_000, 180_000) * gapScale, () => send([second]));
    }
  };

  const onReply = (reply: OutboundReply): void => {
    try {
      if (stopped || !reply || typeof reply.conversationId !== 'string') return;
      if (reply.survey && reply.survey.length > 0) {
        const surveyed = byServerId.get(reply.conversationId);
        if (surveyed) answerSurvey(surveyed, reply.conversationId, reply.survey);
        return;
      }
      const state = byServerId.get(reply.conversationId);
      if (!state || !state.scriptDone || state.acks >= MAX_ACKS_PER_CONVERSATION) return;
      if (!acking.chance(config.ackProbability)) return;
      const { planned } = state;
      const ack = buildAcknowledgement(
        planned.script,
        {
          runId: config.runId,
          conversationExternalId: planned.conversationExternalId,
          contact: planned.contact,
          externalId: messageExternalId(config.runId, planned.index, `ack${state.acks}`),
        },
        acking,
      );
      if (!ack) return;
      state.acks++;
      later(acking.int(3_000, 15_000) * gapScale, () =>
        deliver(state, { ...ack, occurredAt: new Date().toISOString() }, 1, () => undefined),
      );
    } catch {
      // A malformed event from the connector must not reach the emitter's caller.
    }
  };

  let unsubscribe: (() => void) | undefined;
  if (options.onOutbound) {
    try {
      unsubscribe = options.onOutbound(onReply) ?? undefined;
    } catch {
      unsubscribe = undefined; // Without replies the simulator simply never acknowledges.
    }
  }

  for (let i = 0; i < config.burst; i++) startConversation();
  scheduleArrival();

  return {
    stats: () => ({ ...counters }),
    async stop() {
      if (!stopped) {
        stopped = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        try {
          unsubscribe?.();
        } catch {
          // Nothing more to do: replies are ignored once stopped.
        }
      }
      // Completions never start new work once stopped, so this drains.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export interface SimulateOnceOptions {
  baseUrl: string;
  tokens: Record<Channel, string>;
  seed?: number;
  runId?: string;
  /** Conversations to send, each with all its turns back to back; default 1. */
  conversations?: number;
  requestTimeoutMs?: number;
}

export interface SimulateOnceResult extends SimulatorStats {
  results: { request: IngestMessageRequest; outcome: SendOutcome }[];
}

/**
 * Sends the first conversations of a plan straight away, without pacing or retries: a quick
 * way to put traffic into a fresh server and the basis of the simulator's tests. Failures are
 * returned, not thrown; only invalid options throw (SwitchboardError 'invalid').
 */
export async function simulateOnce(options: SimulateOnceOptions): Promise<SimulateOnceResult> {
  const config = parseOptions({ ...options, burst: 0 });
  const plan = planConversations({
    seed: config.seed,
    runId: config.runId,
    count: options.conversations ?? 1,
  });
  const result: SimulateOnceResult = { sent: 0, failed: 0, results: [] };
  for (const conversation of plan) {
    for (const planned of conversation.messages) {
      const request: IngestMessageRequest = { ...planned.request, occurredAt: new Date().toISOString() };
      const outcome = await sendIngestMessage(request, {
        baseUrl: config.baseUrl,
        token: config.tokens[request.channel],
        timeoutMs: config.requestTimeoutMs,
      });
      result.results.push({ request, outcome });
      if (outcome.ok) result.sent++;
      else {
        result.failed++;
        break; // later turns of this conversation would arrive without their start
      }
    }
  }
  return result;
}
