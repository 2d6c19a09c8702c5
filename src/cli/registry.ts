import type { CliCommandEntry } from './command';

/**
 * Every CLI subcommand, by path and summary; each command's code (and its dependencies: PKI,
 * undici, oidc-provider) loads only when that command runs. `require`, not `import()`: Node sends a
 * dynamically imported file through its ESM loader, which first lexes the whole bundle for CommonJS
 * exports (~30 ms of every `thredd run`).
 */
export const CLI_COMMANDS: readonly CliCommandEntry[] = [
  { path: ['config', 'check'], summary: 'Validate thredd.json and list its problems with line numbers and fixes', load: async () => (require('./commands/configCheck') as typeof import('./commands/configCheck')).configCheckCommand },
  { path: ['csr'], summary: 'Generate a private key and CSR for a Thredd Transport, Signing or Encryption certificate', load: async () => (require('./commands/csr') as typeof import('./commands/csr')).csrCommand },
  { path: ['cert', 'inspect'], summary: 'Show a certificate, chain, CSR or .pfx: expiry, fingerprints, x5t#S256, key match, chain', load: async () => (require('./commands/certInspect') as typeof import('./commands/certInspect')).certInspectCommand },
  { path: ['cert', 'pfx'], summary: 'Bundle a certificate, its key (and chain) into a passphrase-protected PKCS#12 .pfx for Windows', load: async () => (require('./commands/certPfx') as typeof import('./commands/certPfx')).certPfxCommand },
  { path: ['assertion'], summary: 'Sign a private_key_jwt client assertion (prints the JWT)', load: async () => (require('./commands/assertion') as typeof import('./commands/assertion')).assertionCommand },
  { path: ['token'], summary: 'Get an access token for an environment (client secret from THREDD_CLIENT_SECRET or thredd.json)', load: async () => (require('./commands/token') as typeof import('./commands/token')).tokenCommand },
  { path: ['introspect'], summary: 'Ask an RFC 7662 introspection endpoint whether a token is active (Basic auth)', load: async () => (require('./commands/introspect') as typeof import('./commands/introspect')).introspectCommand },
  { path: ['dcr', 'register'], summary: 'Register an OAuth client with a software statement (RFC 7591)', load: async () => (require('./commands/dcr') as typeof import('./commands/dcr')).dcrRegisterCommand },
  { path: ['dcr', 'get'], summary: 'Read a registered client (RFC 7592)', load: async () => (require('./commands/dcr') as typeof import('./commands/dcr')).dcrGetCommand },
  { path: ['dcr', 'update'], summary: 'Replace a registered client\'s metadata (RFC 7592 PUT)', load: async () => (require('./commands/dcr') as typeof import('./commands/dcr')).dcrUpdateCommand },
  { path: ['dcr', 'delete'], summary: 'Delete a registered client (RFC 7592)', load: async () => (require('./commands/dcr') as typeof import('./commands/dcr')).dcrDeleteCommand },
  { path: ['run'], summary: 'Send the requests of .thredd / .http files and check their @expect lines (exit 0 when all pass)', load: async () => (require('./commands/run') as typeof import('./commands/run')).runCommand },
  { path: ['sandbox'], summary: 'Run the local Thredd sandbox (CA, /oauth2/token, API on TLS and mTLS) until Ctrl+C', load: async () => (require('./commands/sandboxServe') as typeof import('./commands/sandboxServe')).sandboxServeCommand },
  { path: ['sandbox', 'init'], summary: 'Generate sandbox keys and CSRs, have the sandbox CA issue the certificates, and write thredd.json', load: async () => (require('./commands/sandboxInit') as typeof import('./commands/sandboxInit')).sandboxInitCommand },
  { path: ['sandbox', 'issue'], summary: 'Have the sandbox CA issue a Transport or Signing certificate for a CSR (written beside it)', load: async () => (require('./commands/sandboxIssue') as typeof import('./commands/sandboxIssue')).sandboxIssueCommand },
];
