import * as path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createClientAssertion, loadSigningKey } from '../../core/auth';
import type { SigningAlgorithm } from '../../core/config';
import { CliError, type CliCommand } from '../command';
import { fromEnv, required, text } from './authSupport';

const USAGE =
  'thredd assertion --client-id ID --key FILE [--kid KID] [--aud URL] [--alg RS256|PS256|ES256] ' +
  '[--ttl SECONDS] [--passphrase-env VAR] [--json]';
const ALGORITHMS = ['RS256', 'PS256', 'ES256'];
// The Connecting to Thredd guide's token endpoint, the assertion audience unless --aud says otherwise.
const THREDD_TOKEN_ENDPOINT = 'https://threddid.com/oauth2/token';

export const assertionCommand: CliCommand = {
  path: ['assertion'],
  summary: 'Sign a private_key_jwt client assertion (prints the JWT)',
  usage: USAGE,
  options: {
    'client-id': { type: 'string' },
    key: { type: 'string' },
    kid: { type: 'string' },
    aud: { type: 'string' },
    alg: { type: 'string' },
    ttl: { type: 'string' },
    'passphrase-env': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const clientId = required(values, 'client-id', USAGE);
    const keyFile = path.resolve(io.cwd, required(values, 'key', USAGE));
    const alg = text(values, 'alg');
    if (alg !== undefined && !ALGORITHMS.includes(alg)) throw new CliError(`--alg must be one of ${ALGORITHMS.join(', ')}.`);
    const ttl = text(values, 'ttl') === undefined ? undefined : Number(text(values, 'ttl'));
    if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) throw new CliError('--ttl must be a whole number of seconds above 0.');
    const passphraseEnv = text(values, 'passphrase-env');
    const passphrase = passphraseEnv ? fromEnv(io, passphraseEnv, 'the key passphrase') : undefined;
    const key = await loadSigningKey(keyFile, passphrase);
    const assertion = await createClientAssertion({
      clientId,
      audience: text(values, 'aud') ?? THREDD_TOKEN_ENDPOINT,
      key,
      keySource: keyFile,
      kid: text(values, 'kid'),
      alg: alg as SigningAlgorithm | undefined,
      ttlSeconds: ttl,
    });
    if (values.json) {
      const decoded = { jwt: assertion.jwt, header: decodeProtectedHeader(assertion.jwt), claims: decodeJwt(assertion.jwt) };
      io.out(JSON.stringify(decoded, null, 2) + '\n');
    } else {
      io.out(assertion.jwt + '\n');
    }
    return 0;
  },
};
