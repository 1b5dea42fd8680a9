/**
 * The deterministic part of the traffic simulator: which customer writes on which channel,
 * following which script, with which pauses between turns. Given the same seed and run id the
 * planner yields the same conversations in the same order, whatever the clock or the network do
 * (timing jitter and acknowledgements draw from their own random streams in simulator.ts).
 */
import type { Channel } from '../../shared/domain/model';
import { createRng, type Rng } from './simulatorRandom';
import { SIMULATED_CONTACTS, type ScriptLanguage, type SimulatedContact } from './simulatorContacts';
import { scriptLength, scriptsFor, type ChannelScript, type ScriptTopic } from './scripts';
import { buildScriptedMessage, type PlannedRequest } from './simulatorMessages';

/** Rate the planned gaps are written for; the runner scales them to its own rate. */
export const REFERENCE_RATE_PER_MINUTE = 12;

export interface PlannedMessage {
  /** Pause before this message, in ms at the reference rate; 0 for a conversation's first message. */
  gapMs: number;
  request: PlannedRequest;
}

export interface PlannedConversation {
  /** 0-based position in the run. */
  index: number;
  conversationExternalId: string;
  channel: Channel;
  contact: SimulatedContact;
  language: ScriptLanguage;
  topic: ScriptTopic;
  script: ChannelScript;
  messages: PlannedMessage[];
}

export interface PlannerOptions {
  seed: number;
  /** Makes externalIds unique across runs; the same runId twice yields server-side duplicates. */
  runId: string;
  /** Where the calls' recordings live (MessageContext.recordingBaseUrl). */
  recordingBaseUrl?: string;
}

/** Share of new conversations per channel: chat busiest, as in most contact centres. */
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['chat', 35],
  ['email', 20],
  ['voice', 15],
  ['sms', 15],
  ['social', 15],
];

/** Range (seconds at the reference rate) between one customer turn and the next, per channel. */
const FOLLOW_UP_SECONDS: Record<Channel, readonly [number, number]> = {
  chat: [4, 25],
  sms: [10, 40],
  social: [8, 40],
  email: [30, 90],
  voice: [40, 120],
};

export interface ConversationPlanner {
  next(): PlannedConversation;
}

export function messageExternalId(runId: string, index: number, turn: number | string): string {
  return `sim-${runId}-${index}-${turn}`;
}

export function createPlanner(options: PlannerOptions): ConversationPlanner {
  const rng: Rng = createRng(options.seed);
  let index = 0;

  return {
    next(): PlannedConversation {
      const i = index++;
      const channel = rng.weighted(CHANNEL_WEIGHTS);
      const contact = rng.pick(SIMULATED_CONTACTS);
      const script = rng.pick(scriptsFor(channel, contact.language));
      const available = scriptLength(script);
      // A quarter of customers give up or get their answer before their script runs out.
      const turns = available > 1 && rng.chance(0.25) ? rng.int(1, available - 1) : available;
      const conversationExternalId = `sim-${options.runId}-conv-${i}`;
      const [minGap, maxGap] = FOLLOW_UP_SECONDS[channel];

      const messages: PlannedMessage[] = [];
      for (let turn = 0; turn < turns; turn++) {
        const gapMs = turn === 0 ? 0 : rng.int(minGap * 1000, maxGap * 1000);
        const request = buildScriptedMessage(
          script,
          turn,
          {
            runId: options.runId,
            conversationExternalId,
            contact,
            externalId: messageExternalId(options.runId, i, turn),
            ...(options.recordingBaseUrl ? { recordingBaseUrl: options.recordingBaseUrl } : {}),
          },
          rng,
        );
        messages.push({ gapMs, request });
      }
      return {
        index: i,
        conversationExternalId,
        channel,
        contact,
        language: contact.language,
        topic: script.script.topic,
        script,
        messages,
      };
    },
  };
}

/** The first `count` conversations of a run, for tests and previews. */
export function planConversations(options: PlannerOptions & { count: number }): PlannedConversation[] {
  const planner = createPlanner(options);
  return Array.from({ length: options.count }, () => planner.next());
}

/** Every scripted ingest body of the first `count` conversations, stamped with `now`. */
export function previewMessages(
  options: PlannerOptions & { count: number; now?: Date },
): (PlannedRequest & { occurredAt: string })[] {
  const occurredAt = (options.now ?? new Date()).toISOString();
  return planConversations(options).flatMap((c) => c.messages.map((m) => ({ ...m.request, occurredAt })));
}
