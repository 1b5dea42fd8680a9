/**
 * The admin screen's calls (renderer → core), merged into shared/contracts/rpc.ts. The core proxies
 * each to the server's admin HTTP API (the auto-QA rules live under the quality-review API) with
 * the signed-in admin's token; nothing is cached, so the screen always edits what the server holds.
 * Inputs are the HTTP bodies themselves, validated with the same schemas the server uses.
 */
import { z } from 'zod';
import { AutoQaRulesBodySchema } from '../qa/autoQa';
import { AlertSettingsBodySchema } from '../alerts';
import { KnowledgeBaseBodySchema } from './knowledge';
import { BusinessCalendarsBodySchema, SlaPoliciesBodySchema } from './sla';

const Empty = z.object({}).strict();

/** Server routes behind each call (GET for `.get`, PUT for `.put`). */
export const ADMIN_HTTP_PATHS = {
  slaPolicies: '/api/v1/admin/sla/policies',
  calendars: '/api/v1/admin/sla/calendars',
  knowledge: '/api/v1/admin/knowledge-base',
  autoQaRules: '/api/v1/qa/auto-rules',
  alertSettings: '/api/v1/admin/alert-settings',
} as const;
export type AdminResource = keyof typeof ADMIN_HTTP_PATHS;

export const AdminRpcContract = {
  'admin.slaPolicies.get': { input: Empty, output: SlaPoliciesBodySchema },
  'admin.slaPolicies.put': { input: SlaPoliciesBodySchema, output: SlaPoliciesBodySchema },
  'admin.calendars.get': { input: Empty, output: BusinessCalendarsBodySchema },
  'admin.calendars.put': { input: BusinessCalendarsBodySchema, output: BusinessCalendarsBodySchema },
  'admin.knowledge.get': { input: Empty, output: KnowledgeBaseBodySchema },
  'admin.knowledge.put': { input: KnowledgeBaseBodySchema, output: KnowledgeBaseBodySchema },
  'admin.autoQaRules.get': { input: Empty, output: AutoQaRulesBodySchema },
  'admin.autoQaRules.put': { input: AutoQaRulesBodySchema, output: AutoQaRulesBodySchema },
  'admin.alertSettings.get': { input: Empty, output: AlertSettingsBodySchema },
  'admin.alertSettings.put': { input: AlertSettingsBodySchema, output: AlertSettingsBodySchema },
} as const;
