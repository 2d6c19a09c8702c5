/**
 * Thredd's idempotency (What is Idempotency?, 55909453213): a GUID sent in this header makes a repeat of the
 * same request within an hour answer as the first did, without doing it twice. Thredd spells the header so;
 * header names are case-insensitive, so the page's IdempotencyKey is the same header. Which operations honour
 * it is each operation's `idempotencyKey`.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotencyKey';

/** A key is remembered for an hour after its first use. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 60 * 60 * 1000;
