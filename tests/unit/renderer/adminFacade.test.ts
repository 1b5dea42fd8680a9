/** The facade splits method names at the first dot only, so three-part names such as `admin.knowledge.get` get their own function. */
import { describe, expect, it } from 'vitest';
import {
  createSwitchboardApi,
  type RpcRequestFrame,
  type RpcServerFrame,
} from '../../../shared/contracts/rpcTransport';

describe('facade method names', () => {
  it('sends each admin call under its own full name, and two-part names as before', async () => {
    const sent: RpcRequestFrame[] = [];
    let reply: (frame: RpcServerFrame) => void = () => {};
    const api = createSwitchboardApi({
      send: (frame) => {
        sent.push(frame);
        reply({ type: 'response', id: frame.id, ok: true, result: { method: frame.method } });
      },
      onFrame: (handler) => {
        reply = handler;
      },
    });
    const results = await Promise.all([
      api.admin['knowledge.get']({}),
      api.admin['slaPolicies.get']({}),
      api.admin['calendars.get']({}),
      api.presence.get({}),
    ]);
    expect(sent.map((frame) => frame.method)).toEqual([
      'admin.knowledge.get',
      'admin.slaPolicies.get',
      'admin.calendars.get',
      'presence.get',
    ]);
    expect(results).toHaveLength(4);
    expect(typeof api.admin['knowledge.put']).toBe('function');
    expect(typeof api.admin['slaPolicies.put']).toBe('function');
    expect(typeof api.admin['autoQaRules.get']).toBe('function');
    expect(typeof api.admin['autoQaRules.put']).toBe('function');
  });
});
