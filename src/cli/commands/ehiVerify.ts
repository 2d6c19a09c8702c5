import * as fs from 'node:fs';
import { describeEhiVerification, isJwksUrl, verifyEhiMessage } from '../../core/ehi';
import { loadCa } from '../../core/http';
import { CliError, type CliCommand } from '../command';
import { required, text } from './authSupport';
import { PROXY_OPTIONS, PROXY_USAGE, withHttpClient } from './httpSupport';
import { filePath } from './pkiCliSupport';

const USAGE = `thredd ehi verify --body FILE --signature "k=<kid>, s=<signature>" --jwks URL|FILE [--ca FILE] [--json] ${PROXY_USAGE}`;

export const ehiVerifyCommand: CliCommand = {
  path: ['ehi', 'verify'],
  summary: "Check an EHI message's X-Thredd-Signature against a JWKS: which key verified, or exactly why not",
  usage: USAGE,
  options: {
    body: { type: 'string' },
    signature: { type: 'string' },
    jwks: { type: 'string' },
    ca: { type: 'string' },
    json: { type: 'boolean' },
    ...PROXY_OPTIONS,
  },
  async run(values, _positionals, io) {
    const bodyFile = filePath(io, required(values, 'body', USAGE));
    const signature = required(values, 'signature', USAGE);
    const jwksOption = required(values, 'jwks', USAGE);
    const jwks = isJwksUrl(jwksOption) ? jwksOption : filePath(io, jwksOption);
    const caFile = text(values, 'ca') && filePath(io, text(values, 'ca')!);
    const body = await readBody(bodyFile);
    const ca = caFile ? await loadCa(caFile, { flag: '--ca' }) : undefined;
    const result = await withHttpClient(values, io, undefined, (http) =>
      verifyEhiMessage({ bodies: [{ bytes: body }], signature, jwks, http, ca, caSource: caFile }),
    );
    io.out(values.json ? JSON.stringify(result, null, 2) + '\n' : describeEhiVerification(result) + '\n');
    return result.ok ? 0 : 1;
  },
};

/** The body's exact bytes: the signature covers them, so nothing is trimmed or re-encoded. */
async function readBody(file: string): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch (error) {
    throw new CliError(`Cannot read the message body ${file} (${(error as Error).message}); pass --body the file of the exact body.`);
  }
}
