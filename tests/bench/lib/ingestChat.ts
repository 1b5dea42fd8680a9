/** One new chat from a new customer through the ingest API, answered body read (closed-loop benches). */
import { randomUUID } from 'node:crypto';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';

export function ingestNewChat(serverUrl: string, tag: string, i: number, text: string): Promise<ArrayBuffer> {
  return fetch(`${serverUrl}/api/v1/ingest/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}` },
    body: JSON.stringify({
      channel: 'chat',
      externalId: `bench-${tag}-${i}-${randomUUID()}`,
      contact: { externalId: `bench-${tag}-contact-${i}-${randomUUID()}`, name: `Bench ${i}` },
      text,
    }),
  }).then((response) => response.arrayBuffer());
}
