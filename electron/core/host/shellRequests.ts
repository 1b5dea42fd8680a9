/**
 * What the desktop shell asks of the core outside the RPC (shared/contracts/shell.ts): show a
 * conversation, assign one to the signed-in agent from a notification, and whether a restart
 * would interrupt the agent. Each goes through the core's own RPC handlers, so the checks and the
 * outbox are the same as when a window asks.
 */
import { DesktopBadgeSchema, DesktopBusySchema, DesktopPreferencesSchema } from '../../../shared/contracts/desktop';
import type { CoreToShell, ShellToCore } from '../../../shared/contracts/shell';
import type { RpcService } from '../service';

type ShellRequest = Extract<ShellToCore, { type: 'open' | 'assignToMe' | 'busyQuery' }>;

export async function answerShell(
  rpc: Pick<RpcService, 'handle'>,
  message: ShellRequest,
  post: (message: CoreToShell) => void,
): Promise<void> {
  if (message.type === 'busyQuery') {
    const answer = await rpc.handle('desktop.busy', {});
    const parsed = answer.ok ? DesktopBusySchema.safeParse(answer.result) : null;
    // When the core cannot tell, a restart would risk a reply: say busy.
    const busy = parsed?.success ? parsed.data : { busy: true, reason: null };
    post({ type: 'busy', requestId: message.requestId, ...busy });
    return;
  }
  if (message.type === 'assignToMe') {
    const session = await rpc.handle('session.get', {});
    const agent = session.ok ? (session.result as { agent: { id: string } } | null)?.agent : undefined;
    if (agent) await rpc.handle('conversation.assign', { conversationId: message.conversationId, assigneeId: agent.id });
  }
  await rpc.handle('desktop.openConversation', { conversationId: message.conversationId });
}

/** At start-up: the shell learns the preferences and the badge without waiting for a change. */
export async function announceShellState(
  rpc: Pick<RpcService, 'handle'>,
  post: (message: CoreToShell) => void,
): Promise<void> {
  const preferences = await rpc.handle('desktop.preferences', {});
  const parsedPreferences = preferences.ok ? DesktopPreferencesSchema.safeParse(preferences.result) : null;
  if (parsedPreferences?.success)
    post({ type: 'event', name: 'desktop.preferencesChanged', payload: parsedPreferences.data });
  const badge = await rpc.handle('desktop.badge', {});
  const parsedBadge = badge.ok ? DesktopBadgeSchema.safeParse(badge.result) : null;
  if (parsedBadge?.success) post({ type: 'event', name: 'desktop.badgeChanged', payload: parsedBadge.data });
}
