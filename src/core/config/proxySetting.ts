import { parseProxyUrl, ProxyConfigError, proxyUserinfo } from '../proxy';
import type { JsonPath } from './jsoncDocument';
import { describePath } from './validateShape';

type Text = (at: JsonPath, value: unknown) => string | undefined;
type Report = (at: JsonPath, severity: 'error' | 'warning', message: string, fix: string) => void;

/**
 * An environment's `proxy`: false (go direct), or a URL with `${env:...}` expanded that the proxy decision
 * can use (http:// or https://). A password written into the file is warned about: secrets never live in
 * settings files, and thredd.json is usually committed.
 */
export function resolveProxySetting(at: JsonPath, value: unknown, text: Text, report: Report): string | false | undefined {
  if (value === false) return false;
  if (typeof value !== 'string') return undefined;
  const userinfo = proxyUserinfo(value) ?? '';
  // What is left of the userinfo once references are taken out: a literal password follows its colon.
  const written = userinfo.replace(/\$\{env:[^}]*\}/g, '');
  if (/:./.test(written)) {
    report(
      at,
      'warning',
      `${describePath(at)} holds a proxy password in the file.`,
      'Keep it in an environment variable: "http://user:${env:PROXY_PASSWORD}@proxy:3128", and export PROXY_PASSWORD.',
    );
  }
  const expanded = text(at, value);
  if (expanded === undefined) return undefined;
  try {
    parseProxyUrl(expanded, describePath(at));
  } catch (error) {
    if (!(error instanceof ProxyConfigError)) throw error;
    report(at, 'error', error.message, error.fix);
  }
  return expanded;
}
