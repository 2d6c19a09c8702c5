/** Names the importer makes: file names, `# @name`s, variable names and environment variable names. */

/** Windows refuses these as file names whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** A folder or collection name as a file name that every platform accepts (no path separators, no reserved names). */
export function safeFileName(name: string): string {
  let safe = name
    // eslint-disable-next-line no-control-regex -- control characters are what must go
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (safe.length > 80) safe = safe.slice(0, 80).trim();
  if (!safe) safe = 'requests';
  return RESERVED.test(safe) ? `${safe}_` : safe;
}

/** Hands out names unique in one namespace (case-insensitively when asked), adding ` (2)` or `_2`. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(
    private readonly separator: (count: number) => string,
    private readonly ignoreCase = false,
  ) {}

  take(wanted: string): string {
    for (let count = 1; ; count++) {
      const name = count === 1 ? wanted : `${wanted}${this.separator(count)}`;
      const key = this.ignoreCase ? name.toLowerCase() : name;
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return name;
      }
    }
  }
}

/** `Create a card (v2)` → `Create_a_card_v2`: a `# @name` (letters, digits, _ and -). */
export function requestName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'request';
}

/** A Postman variable name as a `.thredd` one (letters, digits, _, - and ., not starting with a digit). */
export function variableName(name: string): string {
  const safe = name.trim().replace(/[^\w.-]+/g, '_');
  return /^[A-Za-z_]/.test(safe) ? safe : `_${safe}`;
}

/** `clientSecret` → `CLIENT_SECRET`: the process environment variable that holds a secret instead of the file. */
export function environmentVariableName(name: string): string {
  const upper = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z_]/.test(upper) ? upper : `_${upper}`;
}

/** One line of text for a title or a header value (Postman allows line breaks in names). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
