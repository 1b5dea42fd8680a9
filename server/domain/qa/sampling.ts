/**
 * Sampling on the server: the rules' admin edits and one cycle's draw (the maths is in
 * shared/qa/sampling.ts; the leader job that calls `drawDueCycles` is server/jobs/sampling.ts).
 *
 * - An admin edits every rule; a lead edits the rules of their own teams and sees only those (their
 *   PUT replaces exactly those, the other teams' rules stay as they are).
 * - A rule's reviewers are reviewers, leads or admins; agents never review.
 * - A cycle is drawn once: its row is claimed first, in the same transaction as its assignments.
 * - A sampled assignment that its reviewer skips with "replace" is replaced by another conversation
 *   from the same cycle's window that nobody has been asked to review and the reviewer did not take
 *   part in.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { QaAssignment } from '../../../shared/contracts/qa';
import type { Agent } from '../../../shared/domain/model';
import {
  cycleAt,
  drawSample,
  previousCycle,
  seededRandom,
  type SampledConversation,
  type SamplingRule,
  type SamplingRulesBody,
} from '../../../shared/qa/sampling';
import type { Trx } from '../../db/database';
import { conversationFromRow, getConversationRow } from '../../db/queries/conversations';
import { getAgent, getTeam } from '../../db/queries/directory';
import { insertAssignment } from '../../db/queries/qa';
import {
  claimCycle,
  cycleCounts,
  getCycle,
  listSamplingRules,
  replaceSamplingRules,
  sampleCandidates,
} from '../../db/queries/qaSampling';
import { commitWithChanges, type DomainContext } from '../context';
import type { NewChange } from '../../db/queries/changes';
import { addressFor } from '../records';
import { transcriptOf } from './transcript';

/** Who a sampled assignment says assigned it. */
export const SAMPLING_ASSIGNER = 'sampling';

function requireRuleEditor(actor: Agent): void {
  if (actor.role !== 'admin' && actor.role !== 'lead')
    throw new SwitchboardError('forbidden', 'only team leads and admins edit sampling rules');
}

const editable = (actor: Agent, rule: Pick<SamplingRule, 'teamId'>) =>
  actor.role === 'admin' || actor.teamIds.includes(rule.teamId);

export async function getSamplingRules(ctx: DomainContext, actor: Agent): Promise<SamplingRulesBody> {
  requireRuleEditor(actor);
  const rules = await listSamplingRules(ctx.store.db);
  return { rules: rules.filter((rule) => editable(actor, rule)) };
}

export async function putSamplingRules(
  ctx: DomainContext,
  actor: Agent,
  body: SamplingRulesBody,
): Promise<SamplingRulesBody> {
  requireRuleEditor(actor);
  const problems: string[] = [];
  for (const rule of body.rules)
    if (!editable(actor, rule)) problems.push(`${rule.id}: you lead no team ${rule.teamId}`);
  if (problems.length > 0) throw new SwitchboardError('forbidden', `sampling rules: ${problems.join('; ')}`);
  return commitWithChanges(ctx, async (trx) => {
    const existing = await listSamplingRules(trx);
    const kept = existing.filter((rule) => !editable(actor, rule));
    const keptIds = new Set(kept.map((rule) => rule.id));
    for (const rule of body.rules) {
      if (keptIds.has(rule.id)) problems.push(`${rule.id}: another team has a rule with this id`);
      if (!(await getTeam(trx, rule.teamId))) problems.push(`${rule.id}: team ${rule.teamId} does not exist`);
      for (const { reviewerId } of rule.reviewers) {
        const reviewer = await getAgent(trx, reviewerId);
        if (!reviewer) problems.push(`${rule.id}: reviewer ${reviewerId} does not exist`);
        else if (reviewer.role === 'agent')
          problems.push(`${rule.id}: ${reviewer.name} is an agent, and agents do not review`);
      }
    }
    if (problems.length > 0) throw new SwitchboardError('invalid', `sampling rules: ${problems.join('; ')}`);
    await replaceSamplingRules(trx, [...kept, ...body.rules], actor.id, ctx.now().toISOString());
    return { rules: body.rules };
  });
}

export interface CycleDraw {
  ruleId: string;
  cycleStart: string;
  candidates: number;
  picked: SampledConversation[];
  unassigned: number;
}

/** Writes one sampled assignment; returns its change (with the transcript) for the change log. */
async function createSampledAssignment(
  trx: Trx,
  now: string,
  sample: { ruleId: string; cycleStart: string },
  picked: SampledConversation,
): Promise<NewChange | null> {
  const row = await getConversationRow(trx, picked.conversationId);
  if (!row) return null;
  const conversation = conversationFromRow(row);
  const assignment: QaAssignment = {
    id: randomUUID(),
    conversationId: conversation.id,
    teamId: conversation.teamId,
    agentId: picked.agentId,
    reviewerId: picked.reviewerId,
    assignedBy: SAMPLING_ASSIGNER,
    source: 'sample',
    status: 'open',
    reason: `sample:${picked.reason}`,
    createdAt: now,
    updatedAt: now,
  };
  await insertAssignment(trx, assignment, sample);
  return {
    change: { type: 'qa_assignment.updated', assignment, transcript: await transcriptOf(trx, conversation) },
    ...addressFor('qa_assignment', assignment),
  };
}

/** Reviewers of the rule who may still review: they exist and are not agents. */
async function activeReviewers(trx: Trx, rule: SamplingRule): Promise<SamplingRule['reviewers']> {
  const out: SamplingRule['reviewers'] = [];
  for (const reviewer of rule.reviewers) {
    const agent = await getAgent(trx, reviewer.reviewerId);
    if (agent && agent.role !== 'agent') out.push(reviewer);
  }
  return out;
}

/** Draws the rule's cycle that started last (sampling the one before it), unless it was drawn already. */
export async function drawCycle(ctx: DomainContext, rule: SamplingRule): Promise<CycleDraw | null> {
  const nowMs = ctx.now().getTime();
  const now = new Date(nowMs).toISOString();
  const cycleStart = new Date(cycleAt(rule, nowMs).start).toISOString();
  const window = previousCycle(rule, nowMs);
  const from = new Date(window.start).toISOString();
  const to = new Date(window.end).toISOString();
  return commitWithChanges(ctx, async (trx, append) => {
    const seed = randomInt(0, 2 ** 31);
    const claimed = await claimCycle(trx, {
      ruleId: rule.id,
      cycleStart,
      windowFrom: from,
      windowTo: to,
      seed,
      candidates: 0,
      picked: 0,
      unassigned: 0,
      drawnAt: now,
    });
    if (!claimed) return null;
    const candidates = await sampleCandidates(trx, rule, from, to);
    const reviewers = await activeReviewers(trx, rule);
    const draw =
      reviewers.length > 0
        ? drawSample({ ...rule, reviewers }, candidates, seededRandom(seed))
        : { picked: [], unassigned: [] };
    const changes: NewChange[] = [];
    for (const picked of draw.picked) {
      const change = await createSampledAssignment(trx, now, { ruleId: rule.id, cycleStart }, picked);
      if (change) changes.push(change);
    }
    if (changes.length > 0) await append(changes);
    const counts = { candidates: candidates.length, picked: draw.picked.length, unassigned: draw.unassigned.length };
    await cycleCounts(trx, rule.id, cycleStart, counts);
    return { ruleId: rule.id, cycleStart, candidates: counts.candidates, picked: draw.picked, unassigned: counts.unassigned };
  });
}

/** Every active rule's due cycle, drawn; the ones drawn already are left out of the answer. */
export async function drawDueCycles(ctx: DomainContext): Promise<CycleDraw[]> {
  const draws: CycleDraw[] = [];
  for (const rule of await listSamplingRules(ctx.store.db)) {
    if (!rule.active) continue;
    const draw = await drawCycle(ctx, rule);
    if (draw) draws.push(draw);
  }
  return draws;
}

/**
 * Inside the skip's transaction: another conversation from the cycle a sampled assignment came
 * from, for the same reviewer; null when the window has none left.
 */
export async function replaceSampled(
  trx: Trx,
  now: string,
  skipped: QaAssignment,
  sample: { ruleId: string; cycleStart: string },
): Promise<NewChange | null> {
  const rule = (await listSamplingRules(trx)).find((candidate) => candidate.id === sample.ruleId);
  const cycle = await getCycle(trx, sample.ruleId, sample.cycleStart);
  if (!rule || !cycle) return null;
  const free = (await sampleCandidates(trx, rule, cycle.windowFrom, cycle.windowTo)).filter(
    (candidate) => !candidate.participants.includes(skipped.reviewerId),
  );
  if (free.length === 0) return null;
  const next = free[randomInt(0, free.length)]!;
  return createSampledAssignment(trx, now, sample, {
    conversationId: next.conversationId,
    agentId: next.agentId,
    reviewerId: skipped.reviewerId,
    reason: 'replacement',
  });
}
