/**
 * Correcting a customer message's classification (server/domain/nlu/corrections.ts):
 *   POST /api/v1/messages/:messageId/insight { issueType?, sentiment? } → { insight }
 * and the workstation's RPC `insight.correct`, which proxies it.
 */
import { z } from 'zod';
import { IssueTypeSchema, MessageInsightSchema, SentimentLabelSchema } from '../nlu/insight';

export const InsightCorrectionSchema = z
  .object({ issueType: IssueTypeSchema.optional(), sentiment: SentimentLabelSchema.optional() })
  .strict()
  .refine((body) => body.issueType !== undefined || body.sentiment !== undefined, 'an issueType or a sentiment');
export type InsightCorrection = z.infer<typeof InsightCorrectionSchema>;

export const InsightCorrectionResultSchema = z.object({ insight: MessageInsightSchema });

export const InsightRpcContract = {
  'insight.correct': {
    input: z
      .object({ messageId: z.string().min(1).max(64), issueType: IssueTypeSchema.optional(), sentiment: SentimentLabelSchema.optional() })
      .strict()
      .refine((body) => body.issueType !== undefined || body.sentiment !== undefined, 'an issueType or a sentiment'),
    output: InsightCorrectionResultSchema,
  },
} as const;
