/**
 * The SLA scheduler (runs on the leader only). One timer per conversation, set at the next
 * instant its SLA result can change on its own (warnAt or dueAt, see targets.ts): no polling.
 * It looks again when a commit touches a conversation, when policies or calendars change, and
 * when the clock is moved (tests). At each instant it fires `sla.warning` / `sla.breached` to the
 * conversation's audience, escalates a breach to the team's leads as an alert, and records the
 * outcome of each target (met, or breached and by how much) in sla_outcomes. The same timer
 * raises the `vip_waiting` alert when a VIP customer has waited in the queue too long (vipWaiting.ts).
 *
 * Invariants:
 * - Work runs one task at a time (a promise queue), so a conversation is never refreshed twice at
 *   once and notices keep their order.
 * - A notice is sent only after its sla_notices row commits, and that row's primary key makes
 *   each warning/breach fire once across restarts and leader changes.
 */
import { randomUUID } from 'node:crypto';
import type { Alert, SlaNotice } from '../../../shared/contracts/sla';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';
import type { ContactTier } from '../../../shared/domain/model';
import type { Audience } from '../../../shared/domain/audience';
import { businessTimeBetween, computeSla, type SlaResult } from '../../../shared/sla';
import {
  matchSlaPolicy,
  policyTargets,
  type BusinessCalendarRecord,
  type SlaPolicyRecord,
} from '../../../shared/sla/policies';
import { headSeq } from '../../db/queries/changes';
import { conversationFromRow, getConversationRow } from '../../db/queries/conversations';
import {
  contactTierOf,
  insertNoticeOnce,
  listActiveConversationIds,
  listBusinessCalendars,
  listSlaPolicies,
  upsertOutcome,
} from '../../db/queries/sla';
import { commitWithChanges, type DomainContext } from '../context';
import { raiseAlert } from '../alerts/raise';
import { addressOf } from '../snapshots';
import { SLA_CONFIG_CHANGE_TYPES } from './attach';
import { readSlaEvents } from './eventState';
import { namedTargets, nextWakeMs, type NamedTarget } from './targets';
import { raiseVipWaitingAlert } from './vipAlert';
import { DEFAULT_VIP_WAIT_MS, vipWaitOf } from './vipWaiting';

/** setTimeout cannot wait longer than this; a longer wait wakes early and re-arms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type NoticeEmitter = (
  rooms: string[],
  event: typeof SOCKET_EVENTS.slaWarning | typeof SOCKET_EVENTS.slaBreached,
  notice: SlaNotice,
) => void;

export interface SlaSchedulerOptions {
  ctx: DomainContext;
  /** Rooms that may see a conversation (realtime/pokes.ts roomsFor). */
  roomsOf(audience: Audience): string[];
  emit: NoticeEmitter;
  /** How long a VIP may wait in the queue before the leads are alerted (default 2 min). */
  vipWaitMs?: number;
}

export class SlaScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Outcomes already written this run: `${conversation}:${target}:${instance}:${metAt}`. */
  private readonly recorded = new Set<string>();
  /** VIP waits already alerted this run: `${conversation}:${waitingSince}`. */
  private readonly vipAlerted = new Set<string>();
  private policies: SlaPolicyRecord[] = [];
  private calendars: BusinessCalendarRecord[] = [];
  private cursor = 0;
  private active = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: SlaSchedulerOptions) {}

  get isActive(): boolean {
    return this.active;
  }

  /** Become the scheduler: load the configuration and arm every conversation that may count. */
  start(): Promise<void> {
    this.active = true;
    return this.enqueue(async () => {
      this.cursor = await headSeq(this.options.ctx.store.db);
      await this.rebuildAll();
    });
  }

  /** Stop acting (leadership lost or shutdown); the queue drains without touching anything. */
  stop(): void {
    this.active = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Something committed (this node's announcer, or a NOTIFY from another node). */
  onCommitted(): void {
    if (!this.active) return;
    void this.enqueue(() => this.catchUp());
  }

  /** Re-arm every timer (the injected clock jumped). */
  clockChanged(): Promise<void> {
    return this.enqueue(() => this.rebuildAll());
  }

  /**
   * Resolves when the task running now (if any) has ended; after stop() nothing new starts, so
   * the caller may then close the database the task was using.
   */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Resolves when every task queued so far has run. */
  idle(): Promise<void> {
    return this.enqueue(async () => {});
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      if (!this.active) return;
      try {
        await task();
      } catch (error) {
        console.error('[server] sla scheduler task failed', error);
      }
    });
    this.queue = run;
    return run;
  }

  private async catchUp(): Promise<void> {
    const { db } = this.options.ctx.store;
    const rows = await db
      .selectFrom('change_log')
      .select(['seq', 'type', 'record_kind', 'record_id'])
      .where('seq', '>', this.cursor)
      .orderBy('seq')
      .execute();
    if (rows.length === 0) return;
    this.cursor = Number(rows[rows.length - 1]!.seq);
    if (rows.some((row) => SLA_CONFIG_CHANGE_TYPES.has(row.type))) {
      await this.rebuildAll();
      return;
    }
    const ids = new Set<string>();
    for (const row of rows)
      if (row.record_kind === 'conversation' && row.record_id) ids.add(row.record_id);
    for (const id of ids) await this.refresh(id);
  }

  private async rebuildAll(): Promise<void> {
    const { db } = this.options.ctx.store;
    this.policies = await listSlaPolicies(db);
    this.calendars = await listBusinessCalendars(db);
    const ids = new Set([...(await listActiveConversationIds(db)), ...this.timers.keys()]);
    for (const id of ids) await this.refresh(id);
  }

  private disarm(conversationId: string): void {
    const timer = this.timers.get(conversationId);
    if (timer) clearTimeout(timer);
    this.timers.delete(conversationId);
  }

  /** Recompute one conversation, act on what is due, and arm its next timer. */
  private async refresh(conversationId: string): Promise<void> {
    this.disarm(conversationId);
    if (!this.active) return;
    const { ctx } = this.options;
    const row = await getConversationRow(ctx.store.db, conversationId);
    if (!row) return;
    const conversation = conversationFromRow(row);
    const tier = (await contactTierOf(ctx.store.db, row.contact_id)) as ContactTier;
    const vipWake = await this.checkVipWait(conversation, tier);
    const policy = matchSlaPolicy(this.policies, { ...conversation, tier });
    const calendar = policy && this.calendars.find((record) => record.id === policy.calendarId);
    if (!policy || !calendar) {
      this.arm(conversationId, vipWake);
      return;
    }
    const events = await readSlaEvents(ctx.store.db, row);
    const nowMs = ctx.now().getTime();
    const now = new Date(nowMs).toISOString();
    const result: SlaResult = computeSla({
      policy: policyTargets(policy),
      calendar: calendar.calendar,
      events,
      now,
    });
    const targets = namedTargets(result);
    const { audience } = addressOf(conversation);
    for (const named of targets)
      await this.act(named, { conversation, audience, policy, calendar, now, nowMs });

    const slaWake = nextWakeMs(targets, nowMs);
    this.arm(conversationId, slaWake === null || (vipWake !== null && vipWake < slaWake) ? vipWake : slaWake);
  }

  private arm(conversationId: string, wake: number | null): void {
    if (wake === null || !this.active) return;
    const { ctx } = this.options;
    const delay = Math.min(Math.max(0, wake - ctx.now().getTime()), MAX_TIMER_MS);
    const timer = setTimeout(() => {
      this.timers.delete(conversationId);
      void this.enqueue(() => this.refresh(conversationId));
    }, delay);
    timer.unref();
    this.timers.set(conversationId, timer);
  }

  /** Raises the VIP-waiting alert once it is due; returns the instant to wake for it, if later. */
  private async checkVipWait(
    conversation: ReturnType<typeof conversationFromRow>,
    tier: ContactTier,
  ): Promise<number | null> {
    const { ctx } = this.options;
    const wait = vipWaitOf(conversation, tier, this.options.vipWaitMs ?? DEFAULT_VIP_WAIT_MS);
    if (!wait) return null;
    const nowMs = ctx.now().getTime();
    if (wait.dueMs > nowMs) return wait.dueMs;
    const key = `${conversation.id}:${wait.waitingSince}`;
    if (this.vipAlerted.has(key)) return null;
    await raiseVipWaitingAlert(ctx, conversation, wait.waitingSince, new Date(nowMs).toISOString());
    if (this.vipAlerted.size > 100_000) this.vipAlerted.clear();
    this.vipAlerted.add(key);
    return null;
  }

  private async act(
    { target, instance, result }: NamedTarget,
    at: {
      conversation: ReturnType<typeof conversationFromRow>;
      audience: Audience;
      policy: SlaPolicyRecord;
      calendar: BusinessCalendarRecord;
      now: string;
      nowMs: number;
    },
  ): Promise<void> {
    const { ctx } = this.options;
    const { conversation } = at;
    const base = {
      conversation_id: conversation.id,
      target,
      instance,
      policy_id: at.policy.id,
      team_id: conversation.teamId,
      started_at: result.startedAt,
    };
    if (result.state === 'met' && result.metAt) {
      const key = `${conversation.id}:${target}:${instance}:${result.metAt}`;
      if (this.recorded.has(key)) return;
      // Only a write-saver (the upsert is idempotent), so forgetting it all now and then is fine.
      if (this.recorded.size > 100_000) this.recorded.clear();
      this.recorded.add(key);
      const late = result.breachedAt !== null;
      await upsertOutcome(ctx.store.db, {
        ...base,
        outcome: late ? 'breached' : 'met',
        due_at: result.breachedAt,
        met_at: result.metAt,
        overtime_ms: late ? businessTimeBetween(at.calendar.calendar, result.breachedAt!, result.metAt) : 0,
        recorded_at: at.now,
      });
      return;
    }
    const notice = (kind: SlaNotice['kind'], dueAt: string): SlaNotice => ({
      conversationId: conversation.id,
      teamId: conversation.teamId,
      assigneeId: conversation.assigneeId,
      target,
      kind,
      dueAt,
      firedAt: at.now,
    });
    const rooms = this.options.roomsOf(at.audience);
    if (result.breachedAt && Date.parse(result.breachedAt) <= at.nowMs && result.state === 'breached') {
      const dueAt = result.breachedAt;
      const alert: Alert = {
        id: randomUUID(),
        kind: 'sla_breached',
        conversationId: conversation.id,
        teamId: conversation.teamId,
        assigneeId: conversation.assigneeId,
        target,
        dueAt,
        createdAt: at.now,
      };
      const fired = await commitWithChanges(ctx, async (trx, append) => {
        const first = await insertNoticeOnce(trx, {
          ...noticeKey(base),
          kind: 'breached',
          due_at: dueAt,
          fired_at: at.now,
        });
        if (!first) return false;
        await upsertOutcome(trx, {
          ...base,
          outcome: 'breached',
          due_at: dueAt,
          met_at: null,
          overtime_ms: Math.max(0, businessTimeBetween(at.calendar.calendar, dueAt, at.now)),
          recorded_at: at.now,
        });
        const raised = await raiseAlert(trx, alert);
        if (raised.length > 0) await append(raised);
        return true;
      });
      if (fired) {
        this.options.emit(rooms, SOCKET_EVENTS.slaBreached, notice('breached', dueAt));
        ctx.announcer.published?.({
          event: 'sla.breached',
          data: { conversationId: conversation.id, teamId: conversation.teamId, assigneeId: conversation.assigneeId, target, dueAt },
        });
      }
      return;
    }
    if (
      result.state === 'warning' &&
      result.warnAt &&
      result.dueAt &&
      Date.parse(result.warnAt) <= at.nowMs
    ) {
      const dueAt = result.dueAt;
      const fired = await commitWithChanges(ctx, (trx) =>
        insertNoticeOnce(trx, { ...noticeKey(base), kind: 'warning', due_at: dueAt, fired_at: at.now }),
      );
      if (fired) this.options.emit(rooms, SOCKET_EVENTS.slaWarning, notice('warning', dueAt));
    }
  }
}

function noticeKey(base: { conversation_id: string; target: string; instance: number }) {
  return { conversation_id: base.conversation_id, target: base.target, instance: base.instance };
}
