import type { ConnectionRoute } from '../http/network';
import { parseNoProxy, type NoProxyRules } from './noProxy';
import { parseProxyUrl, type ParsedProxy } from './proxyUrl';

export type ProcessEnv = Readonly<Record<string, string | undefined>>;

/** Everything the proxy decision reads, as plain values: each caller gathers its own (the CLI, the editor). */
export interface ProxySettings {
  /** The chosen environment of thredd.json: its `proxy` (a URL, or false to go direct). */
  environment?: { name: string; proxy?: string | false };
  /** The CLI's --proxy URL and --no-proxy. */
  cli?: { proxy?: string; noProxy?: boolean };
  /** VS Code's http.proxy, http.noProxy and http.proxyAuthorization (a whole header value, `Basic …`). */
  editor?: { proxy?: string; noProxy?: string | readonly string[]; proxyAuthorization?: string };
  /** The process environment (callers pass process.env): HTTPS_PROXY, HTTP_PROXY, NO_PROXY in either case. */
  env: ProcessEnv;
  /** PEM of the CA that issued an https:// proxy's certificate (the environment's `proxyCa`, already read). */
  proxyCa?: string;
  /** VS Code's http.proxyStrictSSL; true unless the user turned it off. */
  proxyStrictSSL?: boolean;
}

/** The route for one origin: asked once per origin (a client caches it). */
export type ProxyDecision = (origin: URL) => ConnectionRoute;

interface Candidate {
  parsed: ParsedProxy;
  source: string;
  /** Hosts that go direct all the same, and the setting that lists them (for the reason shown). */
  bypass?: { rules: NoProxyRules; source: string };
}

/**
 * The one proxy decision. The first source that is set decides, highest first:
 *   1. the environment's `proxy` in thredd.json: a URL, or false to go direct. It wins outright and NO_PROXY does
 *      not apply to it: the file names this environment's proxy on purpose, and a shell-wide variable must not
 *      quietly undo that.
 *   2. --proxy URL / --no-proxy. NO_PROXY still applies to --proxy, as it does to curl's -x (curl(1), ENVIRONMENT).
 *   3. VS Code's http.proxy.
 *   4. https_proxy/HTTPS_PROXY for https origins, http_proxy/HTTP_PROXY for http ones. The lower-case name wins when
 *      both are set (curl(1), ENVIRONMENT: "The lower case version has precedence"). curl reads HTTP_PROXY only in
 *      lower case, against CGI's HTTP_PROXY request header (httpoxy); this CLI and editor never run as CGI, so both
 *      cases are read, as undici's EnvHttpProxyAgent does.
 * 3 and 4 are bypassed for http.noProxy, or for no_proxy/NO_PROXY when http.noProxy is empty, as VS Code does
 * (microsoft/vscode#211958).
 * http.proxyAuthorization goes to the proxies VS Code would send it to (3 and 4) and wins over their URL's
 * userinfo; thredd.json and --proxy proxies carry their credentials in their own URL.
 * Every URL that could be used is read now, so a bad one fails before anything is sent.
 */
export function proxyDecision(settings: ProxySettings): ProxyDecision {
  const { environment, cli, editor, env } = settings;
  const through = (candidate: Candidate, authorization?: string): ProxyDecision => {
    return (origin) => {
      const bypassedBy = candidate.bypass?.rules.match(origin);
      if (bypassedBy !== undefined) return { kind: 'direct', source: `${candidate.bypass!.source} matches ${bypassedBy}` };
      return {
        kind: 'proxy',
        proxy: candidate.parsed.proxy,
        authorization: authorization ?? candidate.parsed.authorization,
        proxyCa: settings.proxyCa,
        proxyStrictSSL: settings.proxyStrictSSL ?? true,
        source: candidate.source,
      };
    };
  };
  const direct =
    (source: string): ProxyDecision =>
    () => ({ kind: 'direct', source });

  if (environment?.proxy !== undefined) {
    const where = `thredd.json environment "${environment.name}"`;
    if (environment.proxy === false) return direct(`${where} has "proxy": false`);
    return through({ parsed: parseProxyUrl(environment.proxy, `"proxy" of ${where}`), source: `${where} (proxy)` });
  }
  const envBypass = variableBypass(env);
  if (cli?.noProxy) return direct('--no-proxy');
  if (cli?.proxy) return through({ parsed: parseProxyUrl(cli.proxy, '--proxy'), source: '--proxy', bypass: envBypass });

  // VS Code copies a non-empty http.noProxy over NO_PROXY, for its own proxy and the environment's alike.
  const listed = parseNoProxy(editor?.noProxy);
  const bypass = listed.entries.length > 0 ? { rules: listed, source: 'http.noProxy (VS Code)' } : envBypass;
  const authorization = editor?.proxyAuthorization?.trim() || undefined;
  const editorProxy = editor?.proxy?.trim();
  if (editorProxy) {
    return through({ parsed: parseProxyUrl(editorProxy, 'http.proxy (VS Code)'), source: 'http.proxy (VS Code)', bypass }, authorization);
  }

  const https = variableProxy(env, 'https_proxy', bypass);
  const http = variableProxy(env, 'http_proxy', bypass);
  const viaHttps = https && through(https, authorization);
  const viaHttp = http && through(http, authorization);
  const none = direct('no proxy configured');
  return (origin) => ((origin.protocol === 'https:' ? viaHttps : viaHttp) ?? none)(origin);
}

/** The route for one origin; `proxyDecision` is the form to keep when many origins are asked. */
export function resolveProxy(origin: URL, settings: ProxySettings): ConnectionRoute {
  return proxyDecision(settings)(origin);
}

/** A variable by its lower-case name, else its upper-case one; set but empty means none, as in curl. */
function variable(env: ProcessEnv, lowerCase: string): { name: string; value: string } | undefined {
  for (const name of [lowerCase, lowerCase.toUpperCase()]) {
    const value = env[name];
    if (value !== undefined) return value.trim() ? { name, value } : undefined;
  }
  return undefined;
}

function variableProxy(env: ProcessEnv, lowerCase: string, bypass: Candidate['bypass']): Candidate | undefined {
  const found = variable(env, lowerCase);
  return found && { parsed: parseProxyUrl(found.value, found.name), source: found.name, bypass };
}

function variableBypass(env: ProcessEnv): Candidate['bypass'] {
  const found = variable(env, 'no_proxy');
  return found && { rules: parseNoProxy(found.value), source: found.name };
}
