/**
 * Which record a local write or a change is about, as a typed key instead of a string with a
 * prefix: the outbox files every mutation under one (electron/core/db/queries/outbox.ts), and
 * `data.changed` names the records other than conversations that changed (rpc.ts), so a screen
 * reloads what it shows by kind.
 */
import { z } from 'zod';

export const RECORD_KINDS = [
  'conversation',
  'canned',
  'alert',
  'scorecard',
  'qa_assignment',
  'qa_review',
  'qa_calibration',
] as const;
export const RecordKindSchema = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKindSchema>;

export const RecordKeySchema = z.object({ kind: RecordKindSchema, id: z.string().min(1).max(128) });
export type RecordKey = z.infer<typeof RecordKeySchema>;

export const recordKey = (kind: RecordKind, id: string): RecordKey => ({ kind, id });

/** Whether any of `records` is of `kind`. */
export function touchesKind(records: readonly RecordKey[] | undefined, kind: RecordKind): boolean {
  return (records ?? []).some((record) => record.kind === kind);
}
