/**
 * Who hears of each kind of record (server/domain/records.ts), read as the people on the floor
 * would: the agent a conversation left still hears it went, a canned response moved out of a
 * personal library leaves its owner's list, an alert never reaches agents or other teams' leads.
 */
import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../../shared/canned/model';
import type { Alert } from '../../../shared/contracts/sla';
import { hears } from '../../../shared/domain/audience';
import type { Conversation } from '../../../shared/domain/model';
import type { Viewer } from '../../../shared/domain/visibility';
import { addressFor } from '../../../server/domain/records';

const agent = (id: string, teamId: string): Viewer => ({ id, role: 'agent', teamIds: [teamId] });
const lead = (id: string, teamId: string): Viewer => ({ id, role: 'lead', teamIds: [teamId] });
const reviewer: Viewer = { id: 'qa-1', role: 'reviewer', teamIds: ['billing'] };
const admin: Viewer = { id: 'admin-1', role: 'admin', teamIds: [] };

const conversation = (teamId: string, assigneeId: string | null) =>
  ({ id: 'c-1', teamId, assigneeId }) as unknown as Conversation;
const canned = (scope: 'team' | 'personal', teamId: string | null, ownerId: string | null) =>
  ({ id: 'r-1', scope, teamId, ownerId }) as unknown as CannedResponse;

describe('record audiences', () => {
  it('files each change under its record', () => {
    expect(addressFor('conversation', conversation('billing', null)).record).toEqual({
      kind: 'conversation',
      id: 'c-1',
    });
    expect(addressFor('canned', canned('team', 'billing', null)).record).toEqual({
      kind: 'canned',
      id: 'r-1',
    });
  });

  it('tells the team and agent a conversation left, as well as the ones it went to', () => {
    const before = conversation('billing', 'a-1');
    const after = conversation('logistics', 'a-2');
    const { audience } = addressFor('conversation', after, before);
    expect(hears(agent('a-1', 'billing'), audience)).toBe(true);
    expect(hears(agent('a-2', 'logistics'), audience)).toBe(true);
    expect(hears(lead('l-1', 'billing'), audience)).toBe(true);
    expect(hears(agent('a-3', 'returns'), audience)).toBe(false);
    expect(hears(reviewer, audience)).toBe(false);
    expect(hears(admin, audience)).toBe(true);
  });

  it('keeps a personal canned response to its owner, and tells the owner when it moves to a team', () => {
    const personal = canned('personal', null, 'a-1');
    expect(hears(agent('a-1', 'billing'), addressFor('canned', personal).audience)).toBe(true);
    expect(hears(agent('a-2', 'billing'), addressFor('canned', personal).audience)).toBe(false);
    const moved = addressFor('canned', canned('team', 'logistics', null), personal).audience;
    expect(hears(agent('a-1', 'billing'), moved)).toBe(true);
    expect(hears(agent('a-9', 'logistics'), moved)).toBe(true);
    expect(hears(agent('a-2', 'billing'), moved)).toBe(false);
  });

  it('sends an alert to its team leads only', () => {
    const { audience } = addressFor('alert', { id: 'al-1', teamId: 'billing' } as unknown as Alert);
    expect(hears(lead('l-1', 'billing'), audience)).toBe(true);
    expect(hears(lead('l-2', 'logistics'), audience)).toBe(false);
    expect(hears(agent('a-1', 'billing'), audience)).toBe(false);
    expect(hears(admin, audience)).toBe(true);
  });
});
