/**
 * CannedResponse: a reply script from a team's library (managed by its leads and admins) or an
 * agent's personal one. One zod schema each, so the server, the core and the UI agree on limits.
 */
import { z } from 'zod';

export const CANNED_LANGUAGES = ['zh-CN', 'en'] as const;
export const CannedLanguageSchema = z.enum(CANNED_LANGUAGES);
export type CannedLanguage = z.infer<typeof CannedLanguageSchema>;

export const CANNED_SCOPES = ['team', 'personal'] as const;
export const CannedScopeSchema = z.enum(CANNED_SCOPES);
export type CannedScope = z.infer<typeof CannedScopeSchema>;

export const MAX_CANNED_BODY_CHARS = 5_000;
export const MAX_CANNED_TITLE_CHARS = 200;
export const MAX_CANNED_FOLDER_CHARS = 100;
export const MAX_CANNED_TAGS = 10;
export const MAX_CANNED_IMPORT_ROWS = 1_000;

/** Letters (any script), digits, `-` and `_`; stored without the leading slash the agent types. */
export const ShortcutSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^\//, '').toLowerCase())
  .pipe(z.string().regex(/^[\p{L}\p{N}_-]{1,40}$/u, 'letters, digits, - or _ (1–40)'));

const Id = z.string().min(1).max(64);

/** The fields a person edits; everything else is bookkeeping. */
export const CannedFieldsSchema = z.object({
  scope: CannedScopeSchema,
  /** Set for team responses; null for personal ones. */
  teamId: Id.nullable(),
  folder: z.string().trim().max(MAX_CANNED_FOLDER_CHARS),
  title: z.string().trim().min(1).max(MAX_CANNED_TITLE_CHARS),
  shortcut: ShortcutSchema,
  body: z.string().trim().min(1).max(MAX_CANNED_BODY_CHARS),
  language: CannedLanguageSchema,
  tags: z.array(z.string().trim().min(1).max(30)).max(MAX_CANNED_TAGS),
});
export type CannedFields = z.infer<typeof CannedFieldsSchema>;
export type CannedFieldsInput = z.input<typeof CannedFieldsSchema>;

export const CannedResponseSchema = CannedFieldsSchema.extend({
  id: Id,
  /** Set for personal responses: the agent who owns it. */
  ownerId: Id.nullable(),
  usageCount: z.number().int().nonnegative(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CannedResponse = z.infer<typeof CannedResponseSchema>;
