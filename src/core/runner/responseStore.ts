import type { StoredExchange } from '../requestFile/resolveTypes';

/**
 * The last exchange of each named request, read by `{{NAME.response…}}` / `{{NAME.request…}}`. Memory
 * only and never persisted: the request side keeps the real header values (a chained request may need
 * them), so it must not be written to disk or shown. Keep one store per request file.
 */
export class ResponseStore {
  private readonly exchanges = new Map<string, StoredExchange>();

  get(name: string): StoredExchange | undefined {
    return this.exchanges.get(name);
  }

  set(name: string, exchange: StoredExchange): void {
    this.exchanges.set(name, exchange);
  }

  has(name: string): boolean {
    return this.exchanges.has(name);
  }

  delete(name: string): boolean {
    return this.exchanges.delete(name);
  }

  clear(): void {
    this.exchanges.clear();
  }

  names(): string[] {
    return [...this.exchanges.keys()];
  }

  /** For ResolveContext.responseOf. */
  readonly responseOf = (name: string): StoredExchange | undefined => this.exchanges.get(name);
}
