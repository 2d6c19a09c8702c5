import * as tls from 'node:tls';

/** What the A-grade rules need to know about a TLS 1.2 suite, from its OpenSSL name. */
export interface SuiteTraits {
  /** ECDHE or DHE key exchange (RFC 5246 with RFC 8422 / RFC 7919). */
  forwardSecrecy: boolean;
  /** GCM, ChaCha20-Poly1305 or CCM: authenticated encryption, not CBC. */
  aead: boolean;
  /** NULL encryption, anonymous key exchange, RC4, DES/3DES, MD5 or export strength: SSL Labs grades these C or F. */
  insecure: boolean;
  /** Finite-field DHE, whose group size is graded separately. */
  dhe: boolean;
}

export function suiteTraits(name: string): SuiteTraits {
  const upper = name.toUpperCase();
  const anonymous = /^(ADH|AECDH)-|-ANON-/.test(upper);
  return {
    forwardSecrecy: !anonymous && /^(ECDHE|DHE|EDH)-/.test(upper),
    aead: /GCM|CHACHA20|CCM/.test(upper),
    insecure: anonymous || /NULL|RC4|(^|-)DES-|DES-CBC3|3DES|MD5|EXP/.test(upper),
    dhe: /^(DHE|EDH)-/.test(upper),
  };
}

/** Suites a misconfigured server may still accept; probed only when this machine's OpenSSL can offer them. */
const INSECURE_CANDIDATES = [
  'DES-CBC3-SHA',
  'ECDHE-RSA-DES-CBC3-SHA',
  'EDH-RSA-DES-CBC3-SHA',
  'RC4-SHA',
  'RC4-MD5',
  'ECDHE-RSA-RC4-SHA',
  'NULL-SHA',
  'NULL-SHA256',
  'ECDHE-RSA-NULL-SHA',
  'ECDHE-ECDSA-NULL-SHA',
  'ADH-AES128-SHA',
  'ADH-AES256-GCM-SHA384',
  'AECDH-AES128-SHA',
];

/** The probe's OpenSSL cipher string for one suite: security level 0, so legacy suites can be offered at all. */
export function offerOf(suite: string): string {
  return `${suite}@SECLEVEL=0`;
}

function offerable(suite: string): boolean {
  try {
    tls.createSecureContext({ ciphers: offerOf(suite) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The TLS 1.2 suites to offer one at a time: Node's list without PSK, SRP and the TLS 1.3 suites (which are all
 * AEAD with forward secrecy), plus the insecure ones this OpenSSL can still offer. `untestable` are the
 * insecure ones it cannot (OpenSSL 3 dropped RC4 and 3DES from its default provider).
 */
export function tls12Candidates(): { suites: string[]; untestable: string[] } {
  const fromNode = tls
    .getCiphers()
    .filter((name) => !/psk|srp|^tls_/.test(name))
    .map((name) => name.toUpperCase());
  const insecure = INSECURE_CANDIDATES.filter((name) => !fromNode.includes(name));
  const offered = insecure.filter(offerable);
  return { suites: [...fromNode.filter(offerable), ...offered], untestable: insecure.filter((name) => !offered.includes(name)) };
}
