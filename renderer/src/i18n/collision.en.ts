/** English strings of collision detection: who else is here, and the stale-draft warning. */
const collisionEn = {
  label: 'Other agents in this conversation',
  viewing: '{{name}} is viewing',
  typing: '{{name}} is typing…',
  customerTyping: 'The customer is typing…',
  more: '+{{count}} more',
  stale: {
    title: 'New activity since you started this reply ({{count}})',
    customer: '{{name}} (customer)',
    agent: '{{name}} replied',
    bot: 'Bot replied',
    earlier: '…and {{count}} earlier',
    hint: 'Review keeps your draft so you can read them first.',
    review: 'Review',
    sendAnyway: 'Send anyway',
  },
};

export default collisionEn;
