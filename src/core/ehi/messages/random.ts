import { createHash, randomInt } from 'node:crypto';

/**
 * Where the message builders get their fresh ids, tokens and amounts. The default draws from node:crypto;
 * a seeded one makes a test's messages the same on every run.
 */
export interface EhiRandom {
  /** A whole number from `min` to `max`, both included (`max - min` below 2^48). */
  int(min: number, max: number): number;
}

export const cryptoRandom: EhiRandom = {
  int: (min, max) => randomInt(min, max + 1),
};

/**
 * Deterministic draws for tests: SHA-256 of the seed and a counter (node:crypto, not a hand-written
 * generator), 48 bits per draw. Not for anything secret: the seed is the whole state.
 */
export function seededRandom(seed: string | number): EhiRandom {
  let counter = 0;
  return {
    int(min, max) {
      const digest = createHash('sha256').update(`${seed}:${counter++}`).digest();
      return min + (digest.readUIntBE(0, 6) % (max - min + 1));
    },
  };
}

/** `count` decimal digits, leading zeros kept (ids such as DE37 are fixed-width text). */
export function digits(random: EhiRandom, count: number): string {
  let text = '';
  while (text.length < count) text += String(random.int(0, 999_999)).padStart(6, '0');
  return text.slice(0, count);
}

/** A number of exactly `count` digits (no leading zero), e.g. a 9-digit card Token. */
export function number(random: EhiRandom, count: number): number {
  return random.int(10 ** (count - 1), 10 ** count - 1);
}

export function pick<T>(random: EhiRandom, items: readonly T[]): T {
  return items[random.int(0, items.length - 1)];
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Upper-case letters and digits, as in Mastercard's Banknet references ("MDW2YHECL"). */
export function alphanumeric(random: EhiRandom, count: number): string {
  let text = '';
  for (let index = 0; index < count; index++) text += ALPHANUMERIC[random.int(0, ALPHANUMERIC.length - 1)];
  return text;
}
