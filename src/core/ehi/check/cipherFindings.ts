import { fail, pass, warn, type EhiFinding } from '../findings';
import type { CipherProbeResult } from './cipherProbe';
import { suiteTraits } from './cipherSuites';

export interface CipherFacts {
  /** null when TLS 1.2 is refused (then only TLS 1.3 suites, all AEAD with forward secrecy, are possible). */
  tls12: CipherProbeResult | null;
  /** The suite the server picks for TLS 1.2 when offered Node's default list (a modern client). */
  preferredTls12?: string;
  tls13Accepted: boolean;
}

const MIN_DH_BITS = 2048;

function list(suites: string[]): string {
  return suites.length > 6 ? `${suites.slice(0, 6).join(', ')} and ${suites.length - 6} more` : suites.join(', ');
}

/**
 * SSL Labs' cipher rules as this check approximates them: insecure suites (C/F), no forward secrecy with a modern
 * client (cap B), DHE groups under 2048 bits (cap B), no AEAD (A-), CBC suites marked weak (no cap).
 */
export function cipherFindings(facts: CipherFacts): EhiFinding[] {
  if (!facts.tls12) {
    return facts.tls13Accepted
      ? [pass('cipher.suites', 'Only TLS 1.3 is accepted: every TLS 1.3 suite has forward secrecy and AEAD.')]
      : [];
  }
  const accepted = facts.tls12.accepted;
  const findings = [
    insecureFinding(
      accepted.map((a) => a.suite),
      facts.tls12.untestable,
    ),
  ];
  findings.push(
    forwardSecrecyFinding(
      accepted.map((a) => a.suite),
      facts.preferredTls12,
    ),
  );
  findings.push(
    aeadFinding(
      accepted.map((a) => a.suite),
      facts.preferredTls12,
      facts.tls13Accepted,
    ),
  );
  const dhe = accepted.filter((a) => suiteTraits(a.suite).dhe);
  if (dhe.length > 0) findings.push(dhGroupFinding(dhe.map((a) => a.dhBits ?? 0)));
  return findings;
}

function insecureFinding(accepted: string[], untestable: string[]): EhiFinding {
  const insecure = accepted.filter((suite) => suiteTraits(suite).insecure);
  const note = untestable.length > 0 ? ` (not tested, this OpenSSL cannot offer them: ${list(untestable)})` : '';
  if (insecure.length > 0) {
    return fail(
      'cipher.insecure',
      `The endpoint accepts insecure suites: ${list(insecure)}.`,
      'Remove NULL, anonymous, RC4, DES/3DES and export suites from the server configuration.',
    );
  }
  return pass('cipher.insecure', `No insecure suite (NULL, anonymous, RC4, DES/3DES, export) is accepted${note}.`);
}

function forwardSecrecyFinding(accepted: string[], preferred?: string): EhiFinding {
  const withoutFs = accepted.filter((suite) => !suiteTraits(suite).forwardSecrecy && !suiteTraits(suite).insecure);
  if (preferred && !suiteTraits(preferred).forwardSecrecy) {
    return fail(
      'cipher.forward-secrecy',
      `With TLS 1.2 the endpoint prefers ${preferred}, which has no forward secrecy: SSL Labs caps the grade at B.`,
      'Put ECDHE suites first in the server configuration (or let the client choose) and remove RSA key exchange suites.',
    );
  }
  if (!accepted.some((suite) => suiteTraits(suite).forwardSecrecy)) {
    return fail(
      'cipher.forward-secrecy',
      'No TLS 1.2 suite with forward secrecy (ECDHE/DHE) is accepted.',
      'Enable ECDHE suites, e.g. ECDHE-RSA-AES128-GCM-SHA256.',
    );
  }
  if (withoutFs.length > 0) {
    return warn(
      'cipher.forward-secrecy',
      `Suites without forward secrecy are also accepted: ${list(withoutFs)}.`,
      'Remove the RSA key exchange suites (AES128-GCM-SHA256 and the like) from the server configuration.',
    );
  }
  return pass('cipher.forward-secrecy', 'Every accepted TLS 1.2 suite has forward secrecy (ECDHE/DHE).');
}

function aeadFinding(accepted: string[], preferred: string | undefined, tls13: boolean): EhiFinding {
  const cbc = accepted.filter((suite) => !suiteTraits(suite).aead && !suiteTraits(suite).insecure);
  if (!tls13 && !accepted.some((suite) => suiteTraits(suite).aead)) {
    return warn(
      'cipher.aead',
      'No AEAD suite (GCM, ChaCha20-Poly1305) is accepted: SSL Labs caps the grade at A-.',
      'Enable ECDHE-*-AES128-GCM-SHA256 or CHACHA20-POLY1305 suites, or TLS 1.3.',
    );
  }
  if (preferred && !suiteTraits(preferred).aead) {
    return warn(
      'cipher.aead',
      `With TLS 1.2 the endpoint prefers ${preferred}, a CBC suite.`,
      'Put the GCM and ChaCha20-Poly1305 suites first in the server configuration.',
    );
  }
  if (cbc.length > 0) {
    return warn(
      'cipher.aead',
      `CBC suites, which SSL Labs marks weak, are also accepted: ${list(cbc)}.`,
      'Remove the CBC suites; keep GCM and ChaCha20-Poly1305.',
    );
  }
  return pass('cipher.aead', 'Every accepted TLS 1.2 suite is AEAD (GCM, ChaCha20-Poly1305 or CCM).');
}

function dhGroupFinding(bits: number[]): EhiFinding {
  const smallest = Math.min(...bits);
  if (smallest < MIN_DH_BITS) {
    return fail(
      'cipher.dh-group',
      `DHE suites use a ${smallest}-bit group: SSL Labs caps the grade at B.`,
      'Use a DH group of at least 2048 bits (RFC 7919 ffdhe2048) or drop the DHE suites.',
    );
  }
  return pass('cipher.dh-group', `DHE suites use groups of ${smallest} bits or more.`);
}
