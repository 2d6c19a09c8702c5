/**
 * RFC 9110 §5.6.2 token characters, the only ones a header field name may use: one list, read as a character class
 * by the patterns and as a lookup table by the line parser.
 */
export const TOKEN_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&'*+-.^_`|~";

/** The token characters as the inside of a regular expression's character class. */
export const TOKEN_CLASS = TOKEN_CHARACTERS.replace(/[-\\\]^]/g, '\\$&');
