import type * as AgentPoolModule from './agentPool';

/**
 * The connection layer (undici, ~300 KB, and the TLS connector), loaded with the first request.
 * The extension build ships it as its own file (dist/lazy/transport.js, see esbuild.js), so
 * activating the extension does not load undici.
 */
export function loadTransport(): typeof AgentPoolModule {
  return require('./agentPool');
}
