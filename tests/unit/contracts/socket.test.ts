/**
 * The socket contract as a client reads the server: an ack is the event's output or a typed
 * error, anything else is `internal`; a server event that does not match its schema is dropped.
 */
import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../../../shared/contracts/errors';
import {
  CLIENT_EVENT_NAMES,
  isClientEvent,
  parseAck,
  parseServerEvent,
  SERVER_EVENT_NAMES,
  SOCKET_EVENTS,
} from '../../../shared/contracts/socket';

function refusal(run: () => unknown): SwitchboardError {
  try {
    run();
  } catch (error) {
    if (error instanceof SwitchboardError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseAck', () => {
  it('returns the output the contract declares', () => {
    const page = parseAck(SOCKET_EVENTS.pull, { ok: true, data: { changes: [], cursor: 12, hasMore: false } });
    expect(page).toEqual({ changes: [], cursor: 12, hasMore: false });
  });

  it('throws the server\'s typed error with its code and words', () => {
    const error = refusal(() => parseAck(SOCKET_EVENTS.push, { ok: false, error: { code: 'forbidden', message: 'not your team' } }));
    expect([error.code, error.message]).toEqual(['forbidden', 'not your team']);
  });

  it('calls a malformed answer or an output that breaks the contract internal, naming the event', () => {
    for (const raw of [null, undefined, 'ok', { ok: 'yes' }, { ok: false, error: { code: 'teapot', message: '' } }]) {
      const error = refusal(() => parseAck(SOCKET_EVENTS.pull, raw));
      expect(error.code).toBe('internal');
      expect(error.message).toContain('sync.pull');
    }
    const wrongShape = refusal(() => parseAck(SOCKET_EVENTS.pull, { ok: true, data: { changes: 'all', cursor: -1 } }));
    expect([wrongShape.code, wrongShape.message]).toEqual(['internal', 'Unexpected sync.pull response from the server.']);
  });
});

describe('parseServerEvent', () => {
  it('accepts a payload that matches and drops one that does not', () => {
    expect(parseServerEvent(SOCKET_EVENTS.head, { seq: 7 })).toEqual({ seq: 7 });
    expect(parseServerEvent(SOCKET_EVENTS.head, { seq: -1 })).toBeNull();
    expect(parseServerEvent(SOCKET_EVENTS.poke, { from: 1, to: 1, changes: [{ seq: 1, type: 'no.such.change' }] })).toBeNull();
    expect(parseServerEvent(SOCKET_EVENTS.revoked, { reason: 'revoked' })).toEqual({ reason: 'revoked' });
  });
});

describe('the event maps', () => {
  it('name each event once, in one direction', () => {
    const all = [...CLIENT_EVENT_NAMES, ...SERVER_EVENT_NAMES];
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(Object.values(SOCKET_EVENTS))).toEqual(new Set(all));
    expect(CLIENT_EVENT_NAMES.every(isClientEvent)).toBe(true);
    expect(SERVER_EVENT_NAMES.some(isClientEvent)).toBe(false);
    expect(isClientEvent('toString')).toBe(false);
  });
});
