/** The task a classifier worker runs (classifyWorker.cjs loads it): one message's insight. */
import type { MessageInsight } from '../../../shared/nlu/insight';
import { classifyInbound } from '../bot/inbound';
import { getMessageClassifier } from './classify';

// Train when the worker loads, so the pool's warm-up waits for it.
getMessageClassifier();

export default function classifyTask(text: string): MessageInsight | null {
  return classifyInbound({ text });
}
