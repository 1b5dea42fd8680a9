/**
 * `{ type: 'presence', status }` from the desktop shell (idle / screen lock, electron/main/
 * presenceWatcher.ts). Automatic presence never overrides a choice: `away` applies only to an
 * available agent, `available` only to an away one. Invalid messages are ignored.
 */
import { z } from 'zod';
import type { RpcService } from '../service';

const AutoPresenceSchema = z.object({ type: z.literal('presence'), status: z.enum(['away', 'available']) });

export async function applyAutoPresence(rpc: Pick<RpcService, 'handle'>, message: unknown): Promise<void> {
  const parsed = AutoPresenceSchema.safeParse(message);
  if (!parsed.success) return;
  const current = await rpc.handle('presence.get', {});
  if (!current.ok) return; // signed out: nothing to change
  const now = (current.result as { status: string }).status;
  const wanted = parsed.data.status;
  if ((wanted === 'away' && now === 'available') || (wanted === 'available' && now === 'away')) {
    await rpc.handle('presence.set', { status: wanted });
  }
}
