/**
 * Collision detection in the core: relays what this workstation does in a conversation (viewing,
 * typing) to the server and tells every window who else is there (`collision.changed`).
 *
 * Ephemeral: nothing touches the cache. Offline there is silently nobody to show; on reconnect the
 * reports still in force are sent again, because the server forgot them with the old socket.
 * Pictures are kept newest-first by the server's `asOf`, so a late picture from another node
 * cannot overwrite a newer one.
 */
import {
  ConversationPresenceSchema,
  CustomerTypingSchema,
  type CustomerTyping,
  type ConversationPresence,
  type ConversationPresenceAgent,
  type PresenceReport,
} from '../../../shared/contracts/collision';
import type { SyncStatus } from '../../../shared/contracts/rpc';
import type { SyncClient } from './client';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';

export interface CollisionRelayOptions {
  sync(): SyncClient | null;
  /** The signed-in agent, left out of what the windows are told. */
  selfId(): string | null;
  onChanged(conversationId: string, agents: ConversationPresenceAgent[]): void;
}

export class CollisionRelay {
  private readonly reports = new Map<string, { viewing: boolean; typing: boolean }>();
  private readonly pictures = new Map<string, ConversationPresence>();
  private online = false;

  constructor(private readonly options: CollisionRelayOptions) {}

  /** Records and sends this workstation's report; answers who else is there (offline: nobody). */
  async set(report: PresenceReport): Promise<ConversationPresenceAgent[]> {
    const { conversationId, viewing, typing } = report;
    if (viewing || typing) this.reports.set(conversationId, { viewing, typing });
    else {
      this.reports.delete(conversationId);
      this.pictures.delete(conversationId);
    }
    const sync = this.options.sync();
    if (!sync?.connected) return [];
    const picture = await sync.send(SOCKET_EVENTS.presence, report);
    if (!viewing && !typing) return [];
    this.keep(picture);
    return this.others((this.pictures.get(conversationId) ?? picture).agents);
  }

  /** `conversation.presenceChanged` from the server (a trust edge: validated). */
  onPicture(payload: unknown): void {
    const parsed = ConversationPresenceSchema.safeParse(payload);
    if (!parsed.success || !this.reports.has(parsed.data.conversationId)) return;
    if (this.keep(parsed.data))
      this.options.onChanged(parsed.data.conversationId, this.others(parsed.data.agents));
  }

  /** `conversation.customerTyping` from the server (validated): for a conversation this workstation looks at, else null. */
  onCustomerTyping(payload: unknown): CustomerTyping | null {
    const parsed = CustomerTypingSchema.safeParse(payload);
    return parsed.success && this.reports.has(parsed.data.conversationId) ? parsed.data : null;
  }

  /** Follows the sync state: a new connection re-sends the reports, a lost one empties every picture. */
  onStatus(status: SyncStatus): void {
    const online = status.state === 'syncing' || status.state === 'online';
    if (online === this.online) return;
    this.online = online;
    if (online) {
      for (const [conversationId, report] of this.reports) {
        this.set({ conversationId, ...report }).then(
          (agents) => this.options.onChanged(conversationId, agents),
          () => undefined, // the next report or reconnect tries again
        );
      }
      return;
    }
    const shown = [...this.pictures.keys()];
    this.pictures.clear();
    for (const conversationId of shown) this.options.onChanged(conversationId, []);
    if (status.state === 'signedOut') this.reports.clear();
  }

  private keep(picture: ConversationPresence): boolean {
    const known = this.pictures.get(picture.conversationId);
    if (known && known.asOf > picture.asOf) return false;
    this.pictures.set(picture.conversationId, picture);
    return true;
  }

  private others(agents: ConversationPresenceAgent[]): ConversationPresenceAgent[] {
    const self = this.options.selfId();
    return agents.filter((agent) => agent.agentId !== self);
  }
}
