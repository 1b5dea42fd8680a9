/**
 * canned.create / update / delete / used. The server is the judge of who may change what
 * (shared/canned/permissions.ts): agents edit only their personal responses, team responses are
 * edited by that team's leads and by admins, and anyone who can see a response may record a use.
 */
import { canEditCanned, canSeeCanned } from '../../../shared/canned/permissions';
import type { CannedFields, CannedResponse } from '../../../shared/canned/model';
import type { MutationArgs } from '../../../shared/contracts/sync';
import {
  deleteCanned,
  findCannedByShortcut,
  getCanned,
  insertCanned,
  replaceCanned,
} from '../../db/queries/canned';
import { getTeam } from '../../db/queries/directory';
import { cannedDeleted, cannedUpdated } from '../canned/audience';
import { MutationRejected, viewerOf, type MutationContext, type MutationOutcome } from './common';

/** Ownership as stored: personal responses belong to the actor, team ones name no owner. */
async function ownership(ctx: MutationContext, fields: CannedFields) {
  if (fields.scope === 'personal') return { teamId: null, ownerId: ctx.actor.id };
  if (!fields.teamId) throw new MutationRejected('invalid', 'a team response needs a team');
  if (!(await getTeam(ctx.trx, fields.teamId))) throw new MutationRejected('not_found', `team ${fields.teamId} does not exist`);
  return { teamId: fields.teamId, ownerId: null };
}

function assertMayEdit(ctx: MutationContext, response: Pick<CannedResponse, 'scope' | 'teamId' | 'ownerId'>) {
  if (!canEditCanned(viewerOf(ctx.actor), response)) {
    throw new MutationRejected(
      'forbidden',
      response.scope === 'team'
        ? "only the team's leads and admins may change its canned responses"
        : 'personal canned responses belong to their owner',
    );
  }
}

async function assertShortcutFree(ctx: MutationContext, response: CannedResponse) {
  const holder = await findCannedByShortcut(ctx.trx, response, response.shortcut);
  if (holder && holder.id !== response.id) {
    throw new MutationRejected('invalid', `the shortcut /${response.shortcut} is already used in this library`);
  }
}

async function loadVisible(ctx: MutationContext, id: string): Promise<CannedResponse> {
  const existing = await getCanned(ctx.trx, id);
  if (!existing || !canSeeCanned(viewerOf(ctx.actor), existing)) {
    throw new MutationRejected('not_found', `canned response ${id} does not exist`);
  }
  return existing;
}

export async function createCanned(ctx: MutationContext, args: MutationArgs<'canned.create'>): Promise<MutationOutcome> {
  const { id, ...fields } = args;
  if (await getCanned(ctx.trx, id)) throw new MutationRejected('invalid', `canned response ${id} already exists`);
  const response: CannedResponse = {
    ...fields,
    ...(await ownership(ctx, fields)),
    id,
    usageCount: 0,
    lastUsedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  assertMayEdit(ctx, response);
  await assertShortcutFree(ctx, response);
  await insertCanned(ctx.trx, response);
  return { changes: [cannedUpdated(response)] };
}

export async function updateCanned(ctx: MutationContext, args: MutationArgs<'canned.update'>): Promise<MutationOutcome> {
  const { id, ...fields } = args;
  const existing = await loadVisible(ctx, id);
  assertMayEdit(ctx, existing);
  const owner = fields.scope === existing.scope && fields.scope === 'personal'
    ? { teamId: null, ownerId: existing.ownerId }
    : await ownership(ctx, fields);
  const response: CannedResponse = { ...existing, ...fields, ...owner, updatedAt: ctx.now };
  assertMayEdit(ctx, response);
  await assertShortcutFree(ctx, response);
  await replaceCanned(ctx.trx, response);
  return { changes: [cannedUpdated(response, existing)] };
}

export async function removeCanned(ctx: MutationContext, args: MutationArgs<'canned.delete'>): Promise<MutationOutcome> {
  const existing = await loadVisible(ctx, args.id);
  assertMayEdit(ctx, existing);
  await deleteCanned(ctx.trx, existing.id);
  return { changes: [cannedDeleted(existing)] };
}

export async function recordCannedUse(ctx: MutationContext, args: MutationArgs<'canned.used'>): Promise<MutationOutcome> {
  const existing = await loadVisible(ctx, args.id);
  const response: CannedResponse = { ...existing, usageCount: existing.usageCount + 1, lastUsedAt: ctx.now };
  await replaceCanned(ctx.trx, response);
  return { changes: [cannedUpdated(response, existing)] };
}
