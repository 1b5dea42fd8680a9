/**
 * One crew member at work: the view of the conversations their teams share (built from the
 * changes their connection receives) and the habits of a diligent agent. Only conversations
 * assigned to this member are ever touched, and that is checked again at the moment of acting:
 * when the customer is waiting, reply after a human-like pause (sometimes leaving a note first);
 * when nobody is waiting, resolve once the customer has been quiet for a while; a call gets a
 * wrap-up note and is resolved.
 */
import { randomUUID } from 'node:crypto';
import type { CannedResponse } from '../../shared/canned/model';
import type { Change } from '../../shared/contracts/sync';
import type { Contact, Conversation, Team } from '../../shared/domain/model';
import type { CrewConnection } from './crewConnection';
import { chooseCallWrapUp, chooseNote, chooseReply } from './crewReplies';
import type { Rng } from './simulatorRandom';

export interface CrewPace {
  /** Pause before answering a waiting customer, ms [min, max]. */
  replyDelayMs: readonly [number, number];
  /** Quiet time after the last exchange before resolving, ms [min, max]. */
  quietMs: readonly [number, number];
  /** Chance of an internal note before the first reply. */
  noteChance: number;
}

export interface CrewStats {
  replies: number;
  notes: number;
  resolved: number;
  rejected: number;
}

type Step = 'reply' | 'resolve';
const WORKED_STATUSES = new Set(['open', 'pending']);

interface Case {
  conversation: Conversation;
  /** Seq of the snapshot held: an older one arriving late (a pull after a poke) is ignored. */
  seq: number;
  customerText: string;
  repliesByMe: number;
  noted: boolean;
  planned: Step | null;
  timer: NodeJS.Timeout | null;
  busy: boolean;
}

export class CrewDesk {
  private readonly cases = new Map<string, Case>();
  private readonly contacts = new Map<string, Contact>();
  private readonly teams = new Map<string, Team>();
  private readonly canned = new Map<string, CannedResponse>();
  /** Messages this desk sent in this run: counted when acknowledged, so their echo is not counted again. */
  private readonly sentIds = new Set<string>();
  private stopped = false;

  constructor(
    private readonly selfId: string,
    private readonly selfName: string,
    private readonly connection: CrewConnection,
    private readonly pace: CrewPace,
    private readonly rng: Rng,
    private readonly stats: CrewStats,
  ) {}

  stop(): void {
    this.stopped = true;
    for (const item of this.cases.values()) this.cancel(item);
  }

  apply(changes: readonly Change[]): void {
    const touched = new Set<Case>();
    for (const change of changes) {
      if ('conversation' in change) {
        const item = this.caseOf(change.conversation, change.seq);
        if (change.seq >= item.seq) {
          item.conversation = change.conversation;
          item.seq = change.seq;
        }
        touched.add(item);
      } else if (change.type === 'message.created') {
        const item = this.cases.get(change.message.conversationId);
        if (!item) continue;
        const { message } = change;
        if (message.direction === 'in' && message.kind !== 'system') item.customerText = message.text;
        if (message.direction === 'out' && message.authorId === this.selfId && message.kind !== 'system' && !this.sentIds.delete(message.id)) {
          if (message.kind === 'note') item.noted = true;
          else item.repliesByMe++;
        }
        touched.add(item);
      } else if (change.type === 'contact.updated') this.contacts.set(change.contact.id, change.contact);
      else if (change.type === 'team.updated') this.teams.set(change.team.id, change.team);
      else if (change.type === 'canned_response.updated') this.canned.set(change.cannedResponse.id, change.cannedResponse);
      else if (change.type === 'canned_response.deleted') this.canned.delete(change.cannedResponseId);
    }
    for (const item of touched) this.evaluate(item);
  }

  private caseOf(conversation: Conversation, seq: number): Case {
    let item = this.cases.get(conversation.id);
    if (!item) {
      item = { conversation, seq, customerText: conversation.lastMessagePreview, repliesByMe: 0, noted: false, planned: null, timer: null, busy: false };
      this.cases.set(conversation.id, item);
    }
    return item;
  }

  /** What this member should do next in a conversation, or null: never anything unless it is theirs. */
  private stepOf(item: Case): Step | null {
    const { conversation } = item;
    if (conversation.assigneeId !== this.selfId || !WORKED_STATUSES.has(conversation.status)) return null;
    if (conversation.status !== 'open') return 'resolve';
    // A waiting customer gets an answer; so does one the bot left quiet, before anyone closes it.
    const unanswered = item.repliesByMe === 0 && conversation.channel !== 'voice';
    return conversation.waitingSince || unanswered ? 'reply' : 'resolve';
  }

  private evaluate(item: Case): void {
    if (this.stopped || item.busy) return;
    const step = this.stepOf(item);
    if (step === null) {
      this.cancel(item);
      // Finished work leaves the view; it returns with its next change if it is reopened.
      if (item.conversation.status === 'resolved' || item.conversation.status === 'closed') this.cases.delete(item.conversation.id);
      return;
    }
    if (item.planned === step && item.timer) return;
    this.cancel(item);
    const [min, max] = step === 'reply' ? this.pace.replyDelayMs : this.pace.quietMs;
    item.planned = step;
    item.timer = setTimeout(() => {
      item.timer = null;
      item.planned = null;
      void this.act(item, step);
    }, this.rng.int(min, max));
  }

  private cancel(item: Case): void {
    if (item.timer) clearTimeout(item.timer);
    item.timer = null;
    item.planned = null;
  }

  private async act(item: Case, step: Step): Promise<void> {
    // The conversation may have moved on (transferred, answered by someone, resolved) meanwhile.
    if (this.stopped || this.stepOf(item) !== step) return this.evaluate(item);
    item.busy = true;
    try {
      if (step === 'resolve') await this.resolve(item);
      else if (item.conversation.channel === 'voice') {
        await this.send(item, 'note', chooseCallWrapUp(item.customerText, this.rng));
        await this.resolve(item);
      } else await this.reply(item);
    } finally {
      item.busy = false;
      this.evaluate(item);
    }
  }

  private async reply(item: Case): Promise<void> {
    if (!item.noted && item.repliesByMe === 0 && this.rng.chance(this.pace.noteChance)) {
      item.noted = true;
      await this.send(item, 'note', chooseNote(item.customerText, this.rng));
    }
    const { conversation } = item;
    const contact = this.contacts.get(conversation.contactId);
    const team = this.teams.get(conversation.teamId);
    const chosen = chooseReply({
      customerText: item.customerText,
      repliesSoFar: item.repliesByMe,
      canned: [...this.canned.values()].filter((r) => r.teamId === conversation.teamId),
      context: {
        contact: contact ? { name: contact.name, email: contact.email, attributes: contact.attributes ?? null } : null,
        agent: { name: this.selfName },
        team: team ? { name: team.name } : null,
        conversation: { id: conversation.id },
      },
      rng: this.rng,
    });
    if (await this.send(item, 'text', chosen.text)) {
      item.repliesByMe++;
      if (chosen.cannedId) await this.connection.push('canned.used', { id: chosen.cannedId });
    }
  }

  private async send(item: Case, kind: 'text' | 'note', text: string): Promise<boolean> {
    const { conversation } = item;
    const subject =
      kind === 'text' && conversation.channel === 'email' && conversation.subject
        ? /^re:/i.test(conversation.subject)
          ? conversation.subject
          : `Re: ${conversation.subject}`
        : undefined;
    const messageId = randomUUID();
    if (this.sentIds.size > 1_000) this.sentIds.clear(); // echoes that never came (the conversation left view)
    this.sentIds.add(messageId);
    const result = await this.connection.push('message.send', {
      conversationId: conversation.id,
      messageId,
      kind,
      text,
      ...(subject ? { subject } : {}),
    });
    if (!result?.ok) {
      this.sentIds.delete(messageId);
      this.stats.rejected++;
      return false;
    }
    if (kind === 'note') this.stats.notes++;
    else this.stats.replies++;
    return true;
  }

  private async resolve(item: Case): Promise<void> {
    const result = await this.connection.push('conversation.setStatus', {
      conversationId: item.conversation.id,
      status: 'resolved',
      baseVersion: item.conversation.version,
    });
    if (result?.ok) this.stats.resolved++;
    else {
      this.stats.rejected++;
      // A stale version: take the server's state and decide again.
      if (result && !result.ok && result.conversation) item.conversation = result.conversation;
    }
  }
}
