/**
 * canned.* and draft.*: the canned-response library from the cache, written through the outbox
 * (so it works offline and syncs like replies), CSV import/export, suggestions for the customer's
 * last message, and composer drafts. Permission checks mirror the server's
 * (shared/canned/permissions.ts) so the agent hears "no" at once instead of after a round trip.
 */
import { randomUUID } from 'node:crypto';
import { canEditCanned, canSeeCanned } from '../../../shared/canned/permissions';
import { parseCannedCsv, serializeCannedCsv, type CsvRowError } from '../../../shared/canned/csv';
import type { CannedFields, CannedResponse } from '../../../shared/canned/model';
import { rankCanned } from '../../../shared/canned/rank';
import { suggestCanned } from '../../../shared/canned/suggest';
import type { CannedListItem } from '../../../shared/contracts/canned';
import { recordKey } from '../../../shared/contracts/records';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { Agent } from '../../../shared/domain/model';
import {
  getDraft,
  getCannedView,
  lastCustomerMessage,
  listCannedViews,
  saveDraft,
} from '../db/queries/canned';
import { listTeams } from '../db/queries/directory';
import { queueCannedMutations, type CannedMutationName } from '../sync/cannedSync';
import type { CoreContext } from './context';
import { announceLocalWrite } from './localWrite';
import type { HandlersOf } from './types';

type Methods =
  | 'canned.list'
  | 'canned.create'
  | 'canned.update'
  | 'canned.delete'
  | 'canned.markUsed'
  | 'canned.import'
  | 'canned.export'
  | 'canned.suggest'
  | 'draft.get'
  | 'draft.save';

const OK = { ok: true as const };

function ownershipOf(viewer: Agent, fields: Pick<CannedFields, 'scope' | 'teamId'>) {
  return fields.scope === 'team'
    ? { scope: 'team' as const, teamId: fields.teamId, ownerId: null }
    : { scope: 'personal' as const, teamId: null, ownerId: viewer.id };
}

function libraryOf(response: Pick<CannedResponse, 'scope' | 'teamId' | 'ownerId'>): string {
  return response.scope === 'team' ? `team:${response.teamId}` : `personal:${response.ownerId}`;
}

export function cannedHandlers(ctx: CoreContext): HandlersOf<Methods> {
  const visible = (viewer: Agent): CannedListItem[] =>
    listCannedViews(ctx.db)
      .filter(({ response }) => canSeeCanned(viewer, response))
      .map(({ response, pending }) => ({ ...response, pending, editable: canEditCanned(viewer, response) }));

  const assertMayEdit = (viewer: Agent, ownership: Pick<CannedResponse, 'scope' | 'teamId' | 'ownerId'>) => {
    if (ownership.scope === 'team' && !ownership.teamId)
      throw new SwitchboardError('invalid', 'A team response needs a team.');
    if (!canEditCanned(viewer, ownership)) {
      throw new SwitchboardError(
        'forbidden',
        ownership.scope === 'team'
          ? "Only the team's leads and admins may change its canned responses."
          : 'Personal canned responses belong to their owner.',
      );
    }
  };

  const assertShortcutFree = (
    viewer: Agent,
    response: Pick<CannedResponse, 'id' | 'scope' | 'teamId' | 'ownerId' | 'shortcut'>,
  ) => {
    const holder = visible(viewer).find(
      (other) =>
        other.id !== response.id &&
        other.shortcut === response.shortcut &&
        libraryOf(other) === libraryOf(response),
    );
    if (holder)
      throw new SwitchboardError(
        'invalid',
        `The shortcut /${response.shortcut} is already used in this library.`,
      );
  };

  const written = (ids: readonly string[]) =>
    announceLocalWrite(
      ctx,
      ids.map((id) => recordKey('canned', id)),
    );

  const queue = (
    writes: Array<{ name: CannedMutationName; args: { id: string } & Record<string, unknown> }>,
  ) => {
    queueCannedMutations(ctx.db, writes);
    written(writes.map((write) => write.args.id));
  };

  const loadEditable = (viewer: Agent, id: string): CannedResponse => {
    const view = getCannedView(ctx.db, id);
    if (!view || !canSeeCanned(viewer, view.response))
      throw new SwitchboardError('not_found', 'Canned response not found.');
    assertMayEdit(viewer, view.response);
    return view.response;
  };

  return {
    'canned.list': async ({ query, language }) => {
      const items = visible(ctx.viewer());
      return { responses: rankCanned(items, query ?? '', { language }) };
    },

    'canned.create': async (fields) => {
      const viewer = ctx.viewer();
      const id = randomUUID();
      const ownership = ownershipOf(viewer, fields);
      assertMayEdit(viewer, ownership);
      assertShortcutFree(viewer, { id, ...ownership, shortcut: fields.shortcut });
      queue([{ name: 'canned.create', args: { ...fields, teamId: ownership.teamId, id } }]);
      return { id };
    },

    'canned.update': async ({ id, ...fields }) => {
      const viewer = ctx.viewer();
      const existing = loadEditable(viewer, id);
      const ownership =
        fields.scope === 'personal' && existing.scope === 'personal'
          ? { scope: 'personal' as const, teamId: null, ownerId: existing.ownerId }
          : ownershipOf(viewer, fields);
      assertMayEdit(viewer, ownership);
      assertShortcutFree(viewer, { id, ...ownership, shortcut: fields.shortcut });
      queue([{ name: 'canned.update', args: { ...fields, teamId: ownership.teamId, id } }]);
      return OK;
    },

    'canned.delete': async ({ id }) => {
      loadEditable(ctx.viewer(), id);
      queue([{ name: 'canned.delete', args: { id } }]);
      return OK;
    },

    'canned.markUsed': async ({ id }) => {
      const view = getCannedView(ctx.db, id);
      if (!view || !canSeeCanned(ctx.viewer(), view.response))
        throw new SwitchboardError('not_found', 'Canned response not found.');
      queue([{ name: 'canned.used', args: { id } }]);
      return OK;
    },

    'canned.import': async ({ csv }) => {
      const viewer = ctx.viewer();
      const teams = listTeams(ctx.db);
      const parsed = parseCannedCsv(csv, {
        resolveTeam: (value) =>
          teams.find(
            (team) =>
              team.id === value || team.name === value || team.nameEn.toLowerCase() === value.toLowerCase(),
          )?.id ?? null,
      });
      if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
      // Same library + shortcut = the same response: importing an export again updates, never duplicates.
      const existing = new Map(visible(viewer).map((item) => [`${libraryOf(item)}|${item.shortcut}`, item]));
      const errors: CsvRowError[] = [];
      const writes: Array<{ name: CannedMutationName; args: { id: string } & Record<string, unknown> }> = [];
      parsed.rows.forEach((fields, index) => {
        const ownership = ownershipOf(viewer, fields);
        const match = existing.get(`${libraryOf(ownership)}|${fields.shortcut}`);
        if (!canEditCanned(viewer, ownership)) {
          errors.push({ row: index + 2, message: 'you may not change this team’s library' });
          return;
        }
        writes.push(
          match
            ? { name: 'canned.update', args: { ...fields, teamId: ownership.teamId, id: match.id } }
            : { name: 'canned.create', args: { ...fields, teamId: ownership.teamId, id: randomUUID() } },
        );
      });
      // All or nothing: one refused row and none is written.
      if (errors.length > 0) return { ok: false as const, errors };
      if (writes.length > 0) queue(writes);
      const updated = writes.filter((write) => write.name === 'canned.update').length;
      return { ok: true as const, created: writes.length - updated, updated };
    },

    'canned.export': async ({ scope }) => {
      const teams = new Map(listTeams(ctx.db).map((team) => [team.id, team.name]));
      const items = visible(ctx.viewer())
        .filter((item) => !scope || item.scope === scope)
        .sort((a, b) => libraryOf(a).localeCompare(libraryOf(b)) || a.shortcut.localeCompare(b.shortcut));
      return { csv: serializeCannedCsv(items, (teamId) => teams.get(teamId) ?? teamId), count: items.length };
    },

    'canned.suggest': async ({ conversationId }) => {
      const viewer = ctx.viewer();
      const message = lastCustomerMessage(ctx.db, conversationId);
      if (!message) return { responses: [] };
      return { responses: suggestCanned(visible(viewer), message, 3).map((s) => s.response) };
    },

    'draft.get': async ({ conversationId }) => {
      ctx.viewer();
      return getDraft(ctx.db, conversationId);
    },

    'draft.save': async ({ conversationId, text, subject }) => {
      ctx.viewer();
      saveDraft(ctx.db, conversationId, { text, subject, updatedAt: new Date().toISOString() });
      return OK;
    },
  };
}
