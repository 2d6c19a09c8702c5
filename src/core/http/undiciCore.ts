/**
 * The parts of undici 7 this client uses, loaded from their own modules. undici's index also loads
 * fetch, WebSocket, caches and mocks (about 350 KB of the extension bundle); the client needs only
 * the dispatchers, the request API and the redirect interceptor. The wiring below is what undici's
 * index.js does for these pieces (`Object.assign(Dispatcher.prototype, api)`). undici ships no
 * "exports" map, so these paths are part of what ^7 installs.
 */
import type * as Undici from 'undici';

const Dispatcher = require('undici/lib/dispatcher/dispatcher');
Object.assign(Dispatcher.prototype, require('undici/lib/api'));

export const Agent: typeof Undici.Agent = require('undici/lib/dispatcher/agent');
export type Agent = Undici.Agent;
export const Client: typeof Undici.Client = require('undici/lib/dispatcher/client');
export type Client = Undici.Client;
export const Pool: typeof Undici.Pool = require('undici/lib/dispatcher/pool');
export type Pool = Undici.Pool;
export const interceptors: Pick<typeof Undici.interceptors, 'redirect'> = { redirect: require('undici/lib/interceptor/redirect') };
export type ClientOptions = Undici.Client.Options;
