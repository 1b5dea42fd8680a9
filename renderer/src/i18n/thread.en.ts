/** English strings of the message thread: long-history controls and who-did-what lines. */
const threadEn = {
  showEarlier_one: 'Show {{count}} earlier message',
  showEarlier_other: 'Show {{count}} earlier messages',
  event: {
    took: '{{by}} took the conversation',
    assigned: '{{by}} assigned the conversation to {{to}}',
    unassigned: '{{by}} unassigned the conversation',
    transferred: '{{by}} transferred the conversation to {{team}}',
    transferredTo: '{{by}} transferred the conversation to {{team}} ({{to}})',
    autoAssigned: 'Auto-assigned to {{to}}: least loaded of {{available}} available, {{channel}} {{held}}/{{capacity}}',
    autoAssignedTie:
      'Auto-assigned to {{to}}: least loaded of {{available}} available, round-robin among {{tied}} equally loaded, {{channel}} {{held}}/{{capacity}}',
    returnedOffline: 'Returned to the queue: {{agent}} went offline',
    returnedDisconnected: 'Returned to the queue: {{agent}} lost the connection',
  },
};

export default threadEn;
