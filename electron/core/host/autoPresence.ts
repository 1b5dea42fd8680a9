/**
 * `{ type: 'presence', status }` from the desktop shell (idle / screen lock, electron/main/
 * presenceWatcher.ts). Automatic presence never overrides a choice: `away` applies only to an
 * available agent, `available` only to an away one. Invalid messages are ignored.
 */
import { ShellToCoreSchema } from '../../../shared/contracts/shell';
import type { RpcService } from '../service';

export async function applyAutoPresence(rpc: Pick<RpcService, 'handle'>, message: unknown): Promise<void> {
  const parsed = ShellToCoreSchema.safeParse(message);
  if (!parsed.success || parsed.data.type !== 'presence') return;
  const current = await rpc.handle('presence.get', {});
  if (!current.ok) return; // signed out: nothing to change
  const now = (current.result as { status: string }).status;
  const wanted = parsed.data.status;
  if ((wanted === 'away' && now === 'available') || (wanted === 'available' && now === 'away')) {
    await rpc.handle('presence.set', { status: wanted });
  }
}
