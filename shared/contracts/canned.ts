/**
 * Canned responses on the wire: the change types and mutations merged into shared/contracts/sync.ts,
 * and the RPC calls merged into shared/contracts/rpc.ts. Kept here so the sync and RPC tables only
 * grow by one spread line each.
 */
import { z } from 'zod';
import {
  CannedFieldsSchema,
  CannedLanguageSchema,
  CannedResponseSchema,
  CannedScopeSchema,
} from '../canned/model';
import { MAX_MESSAGE_CHARS } from '../domain/limits';

const Seq = z.number().int().nonnegative();
const Id = z.string().min(1).max(64);

export const CannedChangeSchemas = [
  z.object({ seq: Seq, type: z.literal('canned_response.updated'), cannedResponse: CannedResponseSchema }),
  z.object({ seq: Seq, type: z.literal('canned_response.deleted'), cannedResponseId: Id }),
] as const;
export const CANNED_CHANGE_TYPES = ['canned_response.updated', 'canned_response.deleted'] as const;

export const CannedMutationArgsSchemas = {
  'canned.create': CannedFieldsSchema.extend({ id: z.uuid() }),
  'canned.update': CannedFieldsSchema.extend({ id: Id }),
  'canned.delete': z.object({ id: Id }),
  /** The agent inserted it: usage count + 1, last used = now. */
  'canned.used': z.object({ id: Id }),
} as const;

export const CannedListItemSchema = CannedResponseSchema.extend({
  /** Written locally and not yet acknowledged. */
  pending: z.boolean(),
  /** The viewer may edit or delete it (shared/canned/permissions.ts). */
  editable: z.boolean(),
});
export type CannedListItem = z.infer<typeof CannedListItemSchema>;

const Ok = z.object({ ok: z.literal(true) });
const CsvErrorSchema = z.object({ row: z.number().int(), message: z.string() });

export const CannedRpcContract = {
  'canned.list': {
    input: z.object({ query: z.string().max(200).optional(), language: CannedLanguageSchema.optional() }),
    output: z.object({ responses: z.array(CannedListItemSchema) }),
  },
  'canned.create': { input: CannedFieldsSchema, output: z.object({ id: z.string() }) },
  'canned.update': { input: CannedFieldsSchema.extend({ id: Id }), output: Ok },
  'canned.delete': { input: z.object({ id: Id }), output: Ok },
  'canned.markUsed': { input: z.object({ id: Id }), output: Ok },
  'canned.import': {
    input: z.object({ csv: z.string().max(2_000_000) }),
    output: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), created: z.number().int(), updated: z.number().int() }),
      z.object({ ok: z.literal(false), errors: z.array(CsvErrorSchema) }),
    ]),
  },
  'canned.export': {
    input: z.object({ scope: CannedScopeSchema.optional() }),
    output: z.object({ csv: z.string(), count: z.number().int() }),
  },
  'canned.suggest': {
    input: z.object({ conversationId: Id }),
    output: z.object({ responses: z.array(CannedListItemSchema) }),
  },
  'draft.get': {
    input: z.object({ conversationId: Id }),
    output: z.object({ text: z.string(), subject: z.string(), updatedAt: z.string() }).nullable(),
  },
  'draft.save': {
    input: z.object({
      conversationId: Id,
      text: z.string().max(MAX_MESSAGE_CHARS),
      subject: z.string().max(500),
    }),
    output: Ok,
  },
} as const;
