/** Sizes every side enforces; one place so the composer, the core and the server agree. */
export const MAX_MESSAGE_CHARS = 20_000;
export const MAX_SUBJECT_CHARS = 500;
export const MAX_NAME_CHARS = 200;
export const MAX_SEARCH_CHARS = 200;
/** Upper bound on an HTTP or socket payload, in bytes. */
export const MAX_PAYLOAD_BYTES = 1_048_576;
export const PULL_PAGE_MAX = 1_000;
export const PUSH_BATCH_MAX = 200;
export const INBOX_PAGE_MAX = 500;
export const PREVIEW_CHARS = 140;
