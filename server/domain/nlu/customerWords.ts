/**
 * The part of an inbound text that the customer wrote just now. Emails carry the quoted earlier
 * thread and a signature, call transcripts carry the agent's turns; those words describe someone
 * else's message (often our own reply) and would pull the classification toward it.
 *
 * Invariant: never returns an empty string for a non-empty input — when stripping would leave
 * nothing, the original text is kept.
 */

/** A line from which everything below is the earlier thread. */
const QUOTE_START = [
  /^-{2,}\s*(original message|原始邮件|forwarded message|转发的邮件)\s*-{2,}/i,
  /^on .{4,120} wrote:\s*$/i,
  /^在.{2,80}写道[:：]\s*$/,
  /^(from|发件人)\s*[:：]/i,
];
const QUOTED_LINE = /^\s*>/;
/** Sign-off lines: what follows is a name, a title, a phone number. */
const SIGN_OFF = /^(--\s*|(best|kind|warm)?\s*regards,?|best,?|thanks,?|thank you,?|cheers,?|sincerely,?|此致|敬礼|盼复。?|谢谢！?)$/i;
const DEVICE_FOOTER = /^(sent from my \w+|发自我的\s*\S+|get outlook for \w+)$/i;
/** Speaker labels of a call transcript. */
const AGENT_TURN = /^(agent|坐席|客服|support)\s*[:：]/i;
const CUSTOMER_TURN = /^(customer|caller|客户|顾客|用户)\s*[:：]\s*/i;
/** A sign-off this close to the end starts the signature rather than ending a sentence. */
const SIGNATURE_LINES = 4;

function withoutThread(lines: string[]): string[] {
  const cut = lines.findIndex((line) => QUOTE_START.some((pattern) => pattern.test(line.trim())));
  const own = cut >= 0 ? lines.slice(0, cut) : lines;
  return own.filter((line) => !QUOTED_LINE.test(line) && !DEVICE_FOOTER.test(line.trim()));
}

function withoutSignature(lines: string[]): string[] {
  const filled = lines.map((line) => line.trim()).filter(Boolean);
  for (let i = Math.max(0, filled.length - SIGNATURE_LINES); i < filled.length; i += 1) {
    if (SIGN_OFF.test(filled[i] ?? '')) return filled.slice(0, i);
  }
  return filled;
}

function customerTurns(lines: string[]): string[] | null {
  if (!lines.some((line) => AGENT_TURN.test(line.trim()) || CUSTOMER_TURN.test(line.trim()))) return null;
  return lines.flatMap((line) => {
    const trimmed = line.trim();
    if (AGENT_TURN.test(trimmed)) return [];
    return [trimmed.replace(CUSTOMER_TURN, '')];
  });
}

export function customerWords(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split(/\r?\n/);
  const spoken = customerTurns(lines);
  const kept = spoken ?? withoutSignature(withoutThread(lines));
  const joined = kept.filter((line) => line.trim()).join('\n');
  return joined.trim() ? joined : text;
}
