/** English strings for classification tags, sentiment and the bot's messages. */
const nluEn = {
  issueType: {
    after_sales_fault: 'Fault',
    product_suggestion: 'Suggestion',
    service_complaint: 'Complaint',
    logistics: 'Delivery',
    refund: 'Refund',
    billing: 'Billing',
    account: 'Account',
    product_question: 'Product question',
    other: 'Other',
  },
  sentiment: {
    positive: 'Positive',
    neutral: 'Neutral',
    negative: 'Negative',
    title: 'Customer sentiment: {{label}}, strength {{strength}}%',
  },
  tagsLabel: 'Topics',
  sentimentLabel: 'Sentiment',
  correct: {
    open: 'Correct',
    hint: 'Correct the topic or the mood of this message',
  },
  unsure: {
    issueType: 'Topic unsure',
    sentiment: 'Mood unsure',
    both: 'Unsure',
    title: 'The classifier was not confident enough to tag this message, so it was not tagged and raised no alert.',
  },
  botAvatar: 'Bot',
  botAnswered: 'Knowledge base: {{intent}} · {{confidence}}% sure',
  handoff: {
    title: 'Handed to {{team}} by the bot',
    reason: {
      asked_for_human: 'the customer asked for a person',
      low_confidence: 'the bot was not confident enough to answer',
      max_turns: 'the bot reached its turn limit',
    },
    intent: 'Detected intent: {{intent}} ({{confidence}}%)',
    intentUnsure: 'Possible intent: {{intent}} (low confidence)',
    match: 'best knowledge-base match {{confidence}}%',
  },
  priorityRaised: 'Priority raised from {{from}} to {{to}}: negative sentiment ({{score}})',
  survey: {
    kind: { csat: 'satisfaction (1–5)', nps: 'recommendation (0–10)' },
    sent: 'Survey sent to the customer: {{kinds}}',
    answered: 'Customer rated {{survey}}: {{score}} of {{max}}',
    rerated: 'Customer changed the {{survey}} rating: {{previous}} → {{score}} of {{max}}',
    short: { csat: 'satisfaction', nps: 'recommendation' },
    low: 'low score',
    reopened: 'Reopened for follow-up: the customer rated {{survey}} {{score}} of {{max}}',
  },
};

export default nluEn;
