/** Where the sandbox reads the time: cards' dates, transactions, idempotency keys' expiry. Tests pass their own. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
