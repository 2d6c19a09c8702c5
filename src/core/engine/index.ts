/**
 * What the editor needs from its first send or token on: the run session, the request runner and its
 * stores, the OAuth client and the HTTP client with its proxy decision. esbuild.js ships it as one lazily loaded bundle
 * (dist/lazy/engine.js), so activation compiles none of it and every part shares one copy of the rest.
 */
export { runSession } from '../session/runSession';
export { RequestRunner, ResponseStore, HistoryStore } from '../runner';
export { TokenCache, TokenClient, createClientAssertion, decodeAccessToken, loadSigningKey } from '../auth';
export { createHttpClient } from '../http';
export { loadProxyCa, networkOptionsForEnvironments } from '../proxy';
