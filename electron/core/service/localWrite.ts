/** After a local write is queued: tell every window which records changed and start sending. */
import type { RecordKey } from '../../../shared/contracts/records';
import type { CoreContext } from './context';

export function announceLocalWrite(ctx: CoreContext, records: RecordKey[]): void {
  ctx.announce({ conversationIds: [], records, inbox: false, directory: false });
  const sync = ctx.sync();
  sync?.emitStatus();
  void sync?.drain();
}
