import * as path from 'node:path';
import { EHI_MESSAGE_NAMES, ehiMessageType } from '../../core/ehi/messages';
import { describeEhiMessage, ehiEndpoint, simulateEhi, summariseEhiReport } from '../../core/ehi/simulator';
import { loadCa } from '../../core/http';
import { ehiSenderCredentials } from '../../sandbox/ehi';
import { CliError, type CliCommand } from '../command';
import { required, text } from './authSupport';
import { PROXY_OPTIONS, PROXY_USAGE, withHttpClient } from './httpSupport';
import { filePath, wholeNumber } from './pkiCliSupport';
import { stateDirOf } from './sandboxCliSupport';

const USAGE =
  `thredd ehi send MESSAGE --to URL [--ca FILE] [--mtls] [--count N] [--timeout MS] [--state DIR] [--no-duplicates] [--json] ` +
  `${PROXY_USAGE}\n  MESSAGE: ${EHI_MESSAGE_NAMES.join(', ')}`;

/** 1.11 EHI Configuration Options: "The default timeout is 200 milliseconds." */
const DEFAULT_TIMEOUT_MS = 200;

export const ehiSendCommand: CliCommand = {
  path: ['ehi', 'send'],
  summary: "Send Thredd's EHI messages (signed, over TLS or mTLS) to your endpoint and check each answer by Thredd's rules",
  usage: USAGE,
  options: {
    to: { type: 'string' },
    ca: { type: 'string' },
    mtls: { type: 'boolean' },
    count: { type: 'string' },
    timeout: { type: 'string' },
    state: { type: 'string' },
    'no-duplicates': { type: 'boolean' },
    json: { type: 'boolean' },
    ...PROXY_OPTIONS,
  },
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new CliError(`Name one message to send. Usage: ${USAGE}`);
    const type = ehiMessageType(positionals[0]);
    const url = endpointUrl(required(values, 'to', USAGE));
    const count = wholeNumber(values, 'count', 1, 10_000) ?? 1;
    const timeoutMs = wholeNumber(values, 'timeout', 1, 600_000) ?? DEFAULT_TIMEOUT_MS;
    const stateDir = stateDirOf(values, io);
    const caFile = text(values, 'ca') && filePath(io, text(values, 'ca')!);
    const ca = caFile ? { pem: await loadCa(caFile, { flag: '--ca' }), source: caFile } : undefined;
    const { signing, client } = await ehiSenderCredentials(stateDir, { mtls: values.mtls === true });
    const report = await withHttpClient(values, io, undefined, (http) => {
      const endpoint = ehiEndpoint({
        url,
        http,
        timeoutMs,
        signing,
        ca,
        client: client && { ...client, source: path.relative(io.cwd, client.source) },
      });
      let index = 0;
      return simulateEhi({
        endpoint,
        type,
        count,
        duplicates: values['no-duplicates'] !== true,
        onMessage: (message) => {
          if (!values.json) io.out(describeEhiMessage(message, index, count) + '\n');
          index += 1;
        },
      });
    });
    io.out(values.json ? JSON.stringify(report, null, 2) + '\n' : summariseEhiReport(report) + '\n');
    return report.ok ? 0 : 1;
  },
};

function endpointUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--to "${value}" is not a URL; give your EHI endpoint, as in --to https://ehi.example.com/thredd.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CliError(`--to must be an https:// URL (Thredd sends EHI over TLS); got "${value}".`);
  return url.href;
}
