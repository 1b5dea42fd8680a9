/**
 * Child process: the channel side of the ingest figure. It POSTs chat messages to
 * `/api/v1/ingest/messages` open-loop at a steady rate, so the HTTP client's own work does not
 * run on the server's event loop (a channel integration is another process, usually another
 * machine). Messages (IPC):
 *   { type: 'run', url, token, rate, count, phase }
 *     → { type: 'sent', items: [marker, epochMs][] } while sending (the POST's start)
 *     → { type: 'done', http: number[] (202 round trips, ms), errors, sendSeconds }
 *   { type: 'close' } → exits.
 */
import { epochMs } from '../lib/child';

interface RunMessage {
  type: 'run';
  url: string;
  token: string;
  rate: number;
  count: number;
  phase: number;
}

const send = (message: object) => process.send?.(message);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function run({ url, token, rate, count, phase }: RunMessage): Promise<void> {
  const http: number[] = [];
  let errors = 0;
  let sent: [number, number][] = [];
  const inflight = new Set<Promise<void>>();
  const flush = setInterval(() => {
    if (sent.length === 0) return;
    send({ type: 'sent', items: sent });
    sent = [];
  }, 20);
  const started = epochMs();
  let i = 0;
  while (i < count) {
    const due = Math.min(count, Math.floor(((epochMs() - started) / 1000) * rate) + 1);
    while (i < due) {
      const n = i++;
      const marker = phase * 1_000_000 + n;
      const t = epochMs();
      sent.push([marker, t]);
      const request = fetch(`${url}/api/v1/ingest/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          channel: 'chat',
          externalId: `bench-${marker}`,
          contact: { externalId: `bench-contact-${n % 300}`, name: `压测客户 ${n % 300}` },
          text: `bench#${marker} 您好，我的订单还没有发货，物流一直没有更新，麻烦帮我查一下。`,
        }),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          if (response.status !== 202) errors++;
          http.push(epochMs() - t);
        },
        () => {
          errors++;
        },
      );
      const tracked = request.finally(() => inflight.delete(tracked));
      inflight.add(tracked);
    }
    await sleep(2);
  }
  await Promise.all(inflight);
  clearInterval(flush);
  if (sent.length > 0) send({ type: 'sent', items: sent });
  send({ type: 'done', http, errors, sendSeconds: (epochMs() - started) / 1000 });
}

process.on('message', (raw) => {
  const message = raw as { type: string };
  if (message.type === 'run')
    run(message as RunMessage).catch((error: unknown) =>
      send({ type: 'done', http: [], errors: -1, sendSeconds: 0, error: String(error) }),
    );
  else if (message.type === 'close') process.exit(0);
});
