/** The `sla.alerted` event a window turns into a native notification (contact name looked up here). */
import type { SlaAlerted, SlaTargetName } from '../../../shared/contracts/sla';
import type { Db } from '../db/database';
import { getConversation } from '../db/queries/conversations';
import { getContact } from '../db/queries/directory';

export function slaAlertedOf(
  db: Db,
  source: { conversationId: string; target: SlaTargetName; dueAt: string },
  kind: SlaAlerted['kind'],
): SlaAlerted {
  const conversation = getConversation(db, source.conversationId);
  const contactName = conversation ? (getContact(db, conversation.contactId)?.name ?? '') : '';
  return {
    conversationId: source.conversationId,
    kind,
    target: source.target,
    dueAt: source.dueAt,
    contactName,
  };
}
