import type { HttpHeaders } from './types';

/** One [name, value] pair per header line: a repeated header (Set-Cookie) gives one pair per value. */
export function headerEntries(headers: HttpHeaders): [string, string][] {
  return Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
  );
}

/** The same headers with `map` applied to every value. */
export function mapHeaderValues(headers: HttpHeaders, map: (name: string, value: string) => string): HttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.map((item) => map(name, item)) : map(name, value)]),
  );
}
