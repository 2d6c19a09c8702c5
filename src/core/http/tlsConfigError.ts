/** A certificate, key or CA file that cannot be used, with the file and what to do. */
export class TlsConfigError extends Error {
  constructor(message: string, readonly fix: string, readonly file?: string) {
    super(message);
    this.name = 'TlsConfigError';
  }
}
