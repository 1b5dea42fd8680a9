/**
 * Public HTTP contracts (DESIGN.md "Public contracts"). Channel integrations rely on these shapes;
 * change them only in a backwards-compatible way and keep README.md in step.
 */
import { z } from 'zod';
import { AgentSchema, CallInfoSchema, ChannelSchema, ContactTierSchema } from '../domain/model';
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, MAX_SUBJECT_CHARS } from '../domain/limits';

export const HealthResponseSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  /** Only on a node with a Redis adapter: 'up' when both its connections are ready. */
  redis: z.enum(['up', 'down']).optional(),
});

export const LoginRequestSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1_000),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.object({ token: z.string(), agent: AgentSchema });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

const ExternalId = z.string().trim().min(1).max(200);

export const IngestMessageRequestSchema = z.object({
  channel: ChannelSchema,
  externalId: ExternalId,
  contact: z.object({
    externalId: ExternalId,
    name: z.string().trim().min(1).max(MAX_NAME_CHARS).optional(),
    email: z.string().trim().max(320).optional(),
    phone: z.string().trim().max(40).optional(),
    tier: ContactTierSchema.optional(),
    /** Optional custom attributes (merged into the contact's, key by key); values are stored as text. */
    attributes: z
      .record(
        z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
        z.union([z.string().max(500), z.number(), z.boolean()]).transform(String),
      )
      .refine((value) => Object.keys(value).length <= 50, 'at most 50 attributes')
      .optional(),
  }),
  text: z.string().max(MAX_MESSAGE_CHARS),
  subject: z.string().max(MAX_SUBJECT_CHARS).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  conversationExternalId: ExternalId.optional(),
  provider: z.string().trim().max(100).optional(),
  call: CallInfoSchema.optional(),
});
export type IngestMessageRequest = z.infer<typeof IngestMessageRequestSchema>;

export const IngestMessageResponseSchema = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  duplicate: z.boolean(),
});
export type IngestMessageResponse = z.infer<typeof IngestMessageResponseSchema>;

export const IngestSurveyRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(64),
    kind: z.enum(['csat', 'nps']),
    /** CSAT 1–5, NPS 0–10. */
    score: z.number().int().min(0).max(10),
    comment: z.string().max(MAX_MESSAGE_CHARS).optional(),
  })
  .refine((survey) => survey.kind !== 'csat' || (survey.score >= 1 && survey.score <= 5), {
    path: ['score'],
    message: 'a CSAT score is 1 to 5',
  });
export type IngestSurveyRequest = z.infer<typeof IngestSurveyRequestSchema>;
