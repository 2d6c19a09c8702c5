import { spawn } from 'node:child_process';
import type { EndpointTarget } from './target';
import { CA_NAMES_TRACE_SCRIPT } from './traceScript';
import { parseCertificateRequestTrace, type CertificateRequestTrace } from './traceParser';

const MAX_TRACE_BYTES = 4 * 1024 * 1024;

/**
 * Runs the trace script in a child Node (in VS Code the extension host's own binary, as Node) and parses what
 * OpenSSL printed. NODE_OPTIONS is cleared so a loader of the parent (tsx in tests) does not slow the child.
 */
export function readCertificateRequest(target: EndpointTarget, timeoutMs: number): Promise<CertificateRequestTrace> {
  return new Promise((resolve, reject) => {
    const options = JSON.stringify({ host: target.host, port: target.port, servername: target.servername, timeoutMs });
    const child = spawn(process.execPath, ['-e', CA_NAMES_TRACE_SCRIPT, options], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_TRACE_BYTES) chunks.push(chunk);
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs + 5_000);
    child.once('error', (error) => {
      clearTimeout(killer);
      reject(error);
    });
    child.once('close', () => {
      clearTimeout(killer);
      resolve(parseCertificateRequestTrace(Buffer.concat(chunks).toString('utf8')));
    });
  });
}
