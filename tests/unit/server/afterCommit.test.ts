/**
 * The after-commit announcements (server/domain/afterCommit.ts): every subscriber hears each
 * commit in the order it subscribed, one that throws is logged and never stops the others or
 * reaches the writer, and a removed subscriber hears nothing more.
 */
import { describe, expect, it } from 'vitest';
import { createAfterCommit } from '../../../server/domain/afterCommit';
import type { AppendedChanges } from '../../../server/db/queries/changes';

const range = (from: number): AppendedChanges => ({ from, to: from, entries: [] }) as unknown as AppendedChanges;

describe('after-commit announcements', () => {
  it('reaches every subscriber in order, past one that throws', () => {
    const logged: string[] = [];
    const bus = createAfterCommit((message) => logged.push(message));
    const heard: string[] = [];
    bus.subscribe('pokes', { changes: (a) => heard.push(`pokes ${a.from}`), flush: () => heard.push('pokes flush') });
    bus.subscribe('sla', {
      changes: () => {
        throw new Error('scheduler down');
      },
    });
    bus.subscribe('routing', {
      ingested: (r) => heard.push(`routing ingested ${r.conversationId}`),
      mutated: (m) => heard.push(`routing mutated ${m.mutation.name}`),
    });

    expect(() => bus.announce(range(7))).not.toThrow();
    bus.ingested({ conversationId: 'c1', messageId: 'm1', duplicate: false });
    bus.mutated({ actor: { id: 'a1' } as never, mutation: { mutationId: 1, name: 'agent.setStatus', args: {} }, result: { mutationId: 1, ok: true, seq: 8 } });
    bus.flush();

    expect(heard).toEqual(['pokes 7', 'routing ingested c1', 'routing mutated agent.setStatus', 'pokes flush']);
    expect(logged).toEqual(['sla failed on changes']);
  });

  it('refuses a second subscriber of the same name, and forgets a removed one', () => {
    const bus = createAfterCommit(() => {});
    const heard: number[] = [];
    const remove = bus.subscribe('bot', { changes: (a) => heard.push(a.from) });
    expect(() => bus.subscribe('bot', {})).toThrow(/bot/);
    bus.announce(range(1));
    remove();
    bus.announce(range(2));
    expect(heard).toEqual([1]);
  });
});
