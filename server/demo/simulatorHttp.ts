/**
 * The simulator's only way into Switchboard: the public ingest endpoint, exactly as a channel
 * integration would call it (DESIGN.md "Public contracts"). Never throws: every failure becomes
 * an outcome saying whether a retry can help.
 */
import {
  IngestMessageRequestSchema,
  IngestMessageResponseSchema,
  IngestSurveyRequestSchema,
  type IngestMessageRequest,
  type IngestMessageResponse,
  type IngestSurveyRequest,
} from '../../shared/contracts/http';
import { describeIssues } from '../../shared/contracts/errors';

export const INGEST_MESSAGES_PATH = '/api/v1/ingest/messages';

export type SendOutcome =
  | { ok: true; status: number; response: IngestMessageResponse | null }
  | { ok: false; status: number | null; error: string; retryable: boolean };

export interface SendOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

export function ingestUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${INGEST_MESSAGES_PATH}`;
}

/** 408/425/429 and 5xx are worth another try; other 4xx will fail the same way again. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

export async function sendIngestMessage(
  body: IngestMessageRequest,
  options: SendOptions,
): Promise<SendOutcome> {
  // Our own payloads are checked too: a script edit that breaks the contract shows up here as a
  // counted failure with a readable reason, not as a 400 from the server.
  const parsed = IngestMessageRequestSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      status: null,
      error: `invalid message: ${describeIssues(parsed.error)}`,
      retryable: false,
    };
  }
  let res: Response;
  try {
    res = await fetch(ingestUrl(options.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(parsed.data),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const message = error instanceof Error ? `${error.message}${cause}` : String(error);
    return { ok: false, status: null, error: `network: ${message}`, retryable: true };
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // Bodies are informative only; the status decides.
  }
  if (res.ok) {
    const response = IngestMessageResponseSchema.safeParse(json);
    return { ok: true, status: res.status, response: response.success ? response.data : null };
  }
  const reason =
    json && typeof json === 'object' && 'message' in json && typeof json.message === 'string'
      ? `: ${json.message}`
      : '';
  return {
    ok: false,
    status: res.status,
    error: `HTTP ${res.status}${reason}`,
    retryable: isRetryableStatus(res.status),
  };
}

export const INGEST_SURVEYS_PATH = '/api/v1/ingest/surveys';

/** A customer's survey answer through the conversation's channel token; never throws. */
export async function sendIngestSurvey(body: IngestSurveyRequest, options: SendOptions): Promise<SendOutcome> {
  const parsed = IngestSurveyRequestSchema.safeParse(body);
  if (!parsed.success)
    return { ok: false, status: null, error: `invalid survey answer: ${describeIssues(parsed.error)}`, retryable: false };
  try {
    const res = await fetch(`${options.baseUrl.replace(/\/+$/, '')}${INGEST_SURVEYS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(parsed.data),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await res.body?.cancel();
    return res.ok
      ? { ok: true, status: res.status, response: null }
      : { ok: false, status: res.status, error: `HTTP ${res.status}`, retryable: isRetryableStatus(res.status) };
  } catch (error) {
    return { ok: false, status: null, error: `network: ${error instanceof Error ? error.message : String(error)}`, retryable: true };
  }
}
