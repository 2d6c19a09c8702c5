/**
 * Marks an error the user can act on. A Symbol.for key is shared by every bundle in the process, and
 * the extension loads the PKI, HTTP and command code from bundles of their own, each with its own
 * copy of these classes: the brand, not the class object, is what tells them apart.
 */
const BRAND = Symbol.for('thredd.UserError');

type UserErrorClass = { readonly kind?: string };

/** The kinds (class names) of an error's class and its ancestors, each given by a `static kind`. */
function kindsOf(constructor: unknown): string[] {
  const kinds: string[] = [];
  for (let current = constructor; typeof current === 'function' && current !== Error; current = Object.getPrototypeOf(current)) {
    if (Object.hasOwn(current, 'kind')) kinds.push((current as UserErrorClass).kind!);
  }
  return kinds;
}

/**
 * A failure the user caused or can fix: `message` says what is wrong and where, `fix` what to do next.
 * The CLI prints `userMessage()` on one line; VS Code shows it in a notification. Anything else that
 * is thrown is a bug, reported with its stack in the log.
 *
 * Subclasses declare `static readonly kind = 'ClassName'` (a string, because minified builds rename
 * classes); `instanceof` then matches by kind, so an error from another bundle's copy of the class
 * is still recognised.
 */
export class UserError extends Error {
  static readonly kind: string = 'UserError';
  declare readonly [BRAND]: readonly string[];

  constructor(
    message: string,
    readonly fix = '',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    const kinds = kindsOf(new.target);
    Object.defineProperty(this, BRAND, { value: kinds, enumerable: false });
    this.name = kinds[0] ?? 'UserError';
  }

  /** What the user reads: the message, then the next step. */
  userMessage(): string {
    return this.fix ? `${this.message} ${this.fix}` : this.message;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    const kinds = brandOf(value);
    if (!kinds) return false;
    const kind = Object.hasOwn(this, 'kind') ? (this as UserErrorClass).kind : undefined;
    return kind === undefined ? Function.prototype[Symbol.hasInstance].call(this, value) : kinds.includes(kind);
  }
}

function brandOf(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kinds = (value as { [BRAND]?: unknown })[BRAND];
  return Array.isArray(kinds) ? kinds : undefined;
}

/** True for any UserError, whichever bundle's copy of the class made it. */
export function isUserError(value: unknown): value is UserError {
  return brandOf(value) !== undefined && typeof (value as UserError).userMessage === 'function';
}
