import { BlockList, isIP } from 'node:net';

/**
 * A bypass list as NO_PROXY and VS Code's http.noProxy write it, matched as curl does
 * (https://curl.se/libcurl/c/CURLOPT_NOPROXY.html): `*` matches every host; a name matches itself and
 * its sub-domains, with or without a leading dot (`example.com` and `.example.com` both match
 * www.example.com, never notexample.com); IP addresses match as addresses, IPv6 with or without brackets,
 * and `10.0.0.0/8` style CIDR ranges match IP literals. Beyond curl, `host:port` (and `[v6]:port`) matches
 * only that port, as Go and undici read NO_PROXY. Nothing is bypassed implicitly: loopback goes through
 * the proxy unless a rule names it, as in curl.
 */
export interface NoProxyRules {
  /** The rules as written, for display. */
  readonly entries: readonly string[];
  /** The first rule that matches the origin (as written), or undefined when the proxy applies. */
  match(origin: URL): string | undefined;
}

type Rule = { text: string; port?: string } & ({ kind: 'all' } | { kind: 'domain'; name: string } | { kind: 'ip'; range: BlockList });

/** Parses a comma- or whitespace-separated list, or an array of such lists (http.noProxy is an array). */
export function parseNoProxy(list: string | readonly string[] | undefined): NoProxyRules {
  const entries = (typeof list === 'string' ? [list] : (list ?? [])).flatMap((item) => item.split(/[\s,]+/)).filter(Boolean);
  const rules = entries.map(parseRule);
  return {
    entries,
    match(origin) {
      const host = hostOf(origin);
      const port = origin.port || (origin.protocol === 'http:' ? '80' : '443');
      return rules.find((rule) => (rule.port === undefined || rule.port === port) && matches(rule, host))?.text;
    },
  };
}

function parseRule(text: string): Rule {
  if (text === '*') return { text, kind: 'all' };
  const { host, port } = splitPort(text.toLowerCase());
  const [address, bits] = host.split('/');
  const family = isIP(address);
  if (family) {
    const range = new BlockList();
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits !== undefined && /^\d+$/.test(bits)) range.addSubnet(address, Number(bits), type);
    else range.addAddress(address, type);
    return { text, port, kind: 'ip', range };
  }
  // `*.example.com` is common in the wild (and in VS Code's own examples); it means what `.example.com` means.
  return { text, port, kind: 'domain', name: host.replace(/^\*?\.+/, '').replace(/\.$/, '') };
}

/** `host:port` and `[v6]:port` carry a port; a bare IPv6 address (several colons) never does. */
function splitPort(text: string): { host: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] };
  const withPort = /^([^:]+):(\d+)$/.exec(text);
  return withPort ? { host: withPort[1], port: withPort[2] } : { host: text };
}

function matches(rule: Rule, host: string): boolean {
  switch (rule.kind) {
    case 'all':
      return true;
    case 'ip': {
      const family = isIP(host);
      return family !== 0 && rule.range.check(host, family === 6 ? 'ipv6' : 'ipv4');
    }
    case 'domain':
      return rule.name !== '' && isIP(host) === 0 && (host === rule.name || host.endsWith(`.${rule.name}`));
  }
}

/** The origin's host as rules name it: lower case, IPv6 without brackets, no trailing dot. */
function hostOf(origin: URL): string {
  return origin.hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}
