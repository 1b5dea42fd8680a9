/**
 * Admin edits of SLA policies and business calendars. Each PUT replaces the whole ordered list in
 * one transaction and appends one change carrying the new list (visible to everyone), so every
 * core caches the same policies and calendars the server's scheduler uses.
 */
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { BusinessCalendarsBody, SlaPoliciesBody } from '../../../shared/contracts/sla';
import { calendarListProblems, policyListProblems } from '../../../shared/sla/policies';
import {
  listBusinessCalendars,
  listSlaPolicies,
  replaceBusinessCalendars,
  replaceSlaPolicies,
} from '../../db/queries/sla';
import { commitWithChanges, type DomainContext } from '../context';
import { directoryChange } from '../snapshots';

export async function getSlaPolicies(ctx: DomainContext): Promise<SlaPoliciesBody> {
  return { policies: await listSlaPolicies(ctx.store.db) };
}

export async function getBusinessCalendars(ctx: DomainContext): Promise<BusinessCalendarsBody> {
  return { calendars: await listBusinessCalendars(ctx.store.db) };
}

export async function putSlaPolicies(ctx: DomainContext, body: SlaPoliciesBody): Promise<SlaPoliciesBody> {
  return commitWithChanges(ctx, async (trx, append) => {
    const calendars = await listBusinessCalendars(trx);
    const problems = policyListProblems(body.policies, new Set(calendars.map((calendar) => calendar.id)));
    if (problems.length > 0) throw new SwitchboardError('invalid', `policies: ${problems.join('; ')}`);
    await replaceSlaPolicies(trx, body.policies, ctx.now().toISOString());
    await append([directoryChange({ type: 'sla_policy.updated', policies: body.policies })]);
    return { policies: body.policies };
  });
}

export async function putBusinessCalendars(
  ctx: DomainContext,
  body: BusinessCalendarsBody,
): Promise<BusinessCalendarsBody> {
  return commitWithChanges(ctx, async (trx, append) => {
    const problems = calendarListProblems(body.calendars);
    const ids = new Set(body.calendars.map((calendar) => calendar.id));
    for (const policy of await listSlaPolicies(trx)) {
      if (!ids.has(policy.calendarId))
        problems.push(`calendar "${policy.calendarId}" is used by policy "${policy.id}"`);
    }
    if (problems.length > 0) throw new SwitchboardError('invalid', `calendars: ${problems.join('; ')}`);
    await replaceBusinessCalendars(trx, body.calendars, ctx.now().toISOString());
    await append([directoryChange({ type: 'business_calendar.updated', calendars: body.calendars })]);
    return { calendars: body.calendars };
  });
}
