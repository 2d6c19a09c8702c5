import type { ClientCertificate } from '../config/types';
import type { ResolvedBodyPart, ResolvedHeader, ResolvedRequest } from './resolveTypes';

export interface CurlOptions {
  /** mTLS: `--cert/--key` for PEM, `--cert-type P12 --cert` for PKCS#12. */
  clientCertificate?: ClientCertificate;
  /** Extra CA file: `--cacert`. */
  ca?: string;
  insecure?: boolean;
  /** Put the real Authorization value in the command instead of `$TOKEN`. */
  includeToken?: boolean;
  /** Headers the runner adds when the request has none of that name (Authorization, X-Region). */
  defaultHeaders?: readonly ResolvedHeader[];
}

/**
 * A copy-pasteable POSIX shell cURL command. Every argument that is not plainly safe is single-quoted
 * (a `'` becomes `'\''`), so nothing in the request is expanded by the shell. The Authorization value
 * becomes `"<scheme> $TOKEN"` unless includeToken, and a certificate passphrase is always `"$CERT_PASSPHRASE"`.
 */
export function toCurl(request: ResolvedRequest, options: CurlOptions = {}): string {
  const first: string[] = ['curl'];
  const body = request.body;
  const method = request.method.toUpperCase();
  if (method === 'HEAD') first.push('--head');
  else if (method !== 'GET' || body) first.push('-X', shellQuote(method));
  first.push(shellQuote(request.url));
  /** One option and its value per output line. */
  const args: string[] = [first.join(' ')];
  const add = (...parts: string[]) => args.push(parts.join(' '));

  const headers = [...request.headers];
  for (const extra of options.defaultHeaders ?? []) {
    if (!headers.some((header) => header.name.toLowerCase() === extra.name.toLowerCase())) headers.push(extra);
  }
  for (const header of headers) {
    if (header.name.toLowerCase() === 'authorization' && !options.includeToken) {
      const scheme = /^[A-Za-z][\w-]*(?=\s)/.exec(header.value)?.[0];
      add('-H', `"Authorization: ${scheme ? scheme + ' ' : ''}$TOKEN"`);
    } else {
      add('-H', shellQuote(`${header.name}: ${header.value}`));
    }
  }

  const certificate = options.clientCertificate;
  if (certificate?.kind === 'pem') add('--cert', shellQuote(certPath(certificate.cert)), '--key', shellQuote(certificate.key));
  if (certificate?.kind === 'pfx') add('--cert-type', 'P12', '--cert', shellQuote(certPath(certificate.pfx)));
  if (certificate?.passphrase) add('--pass', '"$CERT_PASSPHRASE"');
  if (options.ca) add('--cacert', shellQuote(options.ca));
  if (options.insecure) add('--insecure');

  let pipe = '';
  if (body?.kind === 'text') add('--data-raw', shellQuote(body.text));
  else if (body?.kind === 'file') add('--data-binary', shellQuote('@' + body.path));
  else if (body?.kind === 'mixed') {
    // Text and files interleaved (multipart): build the bytes in a subshell and send them from stdin.
    const pieces = body.parts.map((part) => partCommand(part));
    const separator = body.lineBreak === '\r\n' ? "printf '\\r\\n'" : "printf '\\n'";
    pipe = `{ ${pieces.join(`; ${separator}; `)}; } | `;
    add('--data-binary', '@-');
  }
  return pipe + args.join(' \\\n  ');
}

function partCommand(part: ResolvedBodyPart): string {
  return part.kind === 'text' ? `printf '%s' ${shellQuote(part.text)}` : `cat ${shellQuote(part.path)}`;
}

/** curl reads `--cert file:passphrase`, so a colon in the file name must be escaped. */
function certPath(file: string): string {
  return file.replace(/:/g, '\\:');
}

/** POSIX single quoting: nothing inside '...' is special except the quote itself. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
