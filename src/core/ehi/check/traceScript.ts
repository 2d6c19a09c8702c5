/**
 * The child process that reads what the server asks of a client. Node's tlsSocket.enableTrace() prints
 * OpenSSL's own decoding of every handshake message to the process's stderr, where the extension host cannot
 * capture it, hence a child. Pinned to TLS 1.2: there OpenSSL prints the CertificateRequest's
 * certificate_authorities as readable names (as `openssl s_client` shows "Acceptable client certificate CA
 * names"); for TLS 1.3 it prints the extension as hex. Plain JavaScript, run with `node -e`, so it works from
 * the sources, the CLI bundle and the extension alike.
 */
export const CA_NAMES_TRACE_SCRIPT = `
const tls = require('node:tls');
const o = JSON.parse(process.argv[1]);
const socket = tls.connect({
  host: o.host, port: o.port, servername: o.servername, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', rejectUnauthorized: false,
});
socket.enableTrace();
const done = () => { socket.destroy(); process.exit(0); };
socket.once('secureConnect', done);
socket.once('error', done);
socket.once('close', done);
setTimeout(done, o.timeoutMs).unref();
`;
