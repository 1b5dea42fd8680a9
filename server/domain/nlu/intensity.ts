/**
 * How strongly a message says what it feels, 0..1, apart from which way it leans. The sentiment
 * model's probability says how sure it is that a message is negative; "a bit slow, not great" can
 * be surely negative and still mild. Alerts and priority escalation act on strength, so strength
 * is the model's probability scaled by this: plain wording starts at `BASE`, each intensifier
 * ("太", "非常", "really"), strong word ("气死", "垃圾", "terrible") or exclamation mark adds
 * `STEP`, each softener ("有点", "a bit") takes one away.
 */
import { customerWords } from './customerWords';

const BASE = 0.55;
const STEP = 0.15;
const MIN = 0.3;

const INTENSIFIERS = /太|非常|特别|超级|极其|十分|真的|实在|完全|根本|\b(really|very|so|extremely|totally|absolutely|utterly|seriously)\b/gi;
const STRONG =
  /气死|垃圾|恶劣|差劲|受够|骗子|骗人|愤怒|生气|失望透顶|无语|离谱|烂透|坑人|投诉|消协|\b(furious|terrible|awful|horrible|outrageous|unacceptable|rubbish|garbage|junk|worst|disgusting|scam|ridiculous|absurd|fed up|useless|infuriating|appalling|livid|love|amazing|excellent|fantastic|brilliant|wonderful|perfect|legends?)\b/gi;
const SOFTENERS = /有点|有些|稍微|略微|一点点|\b(a bit|a little|slightly|somewhat|kind of|sort of)\b/gi;
const EXCLAMATIONS = /[!！]/g;
const MAX_EXCLAMATIONS = 2;

export function intensity(text: string): number {
  const own = customerWords(text);
  const count = (pattern: RegExp) => (own.match(pattern) ?? []).length;
  const cues = count(INTENSIFIERS) + count(STRONG) + Math.min(count(EXCLAMATIONS), MAX_EXCLAMATIONS) - count(SOFTENERS);
  return Math.min(1, Math.max(MIN, BASE + STEP * cues));
}
