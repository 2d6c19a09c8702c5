import type { X509Certificate } from 'node:crypto';
import { statusAt } from '../../x509/certificateStatus';
import { fail, pass, warn, type EhiFinding } from '../findings';
import type { EndpointTarget } from './target';

const DAY = 24 * 60 * 60 * 1000;

/** The name Thredd connects to must be in the certificate (SSL Labs: "certificate name mismatch" is not trusted). */
export function hostnameFinding(leaf: X509Certificate, target: EndpointTarget): EhiFinding {
  const matched = target.isIp ? leaf.checkIP(target.host) : leaf.checkHost(target.host);
  if (matched) return pass('certificate.hostname', `The certificate is valid for ${target.host}.`);
  return fail(
    'certificate.hostname',
    `The certificate is not valid for ${target.host} (subject alternative names: ${leaf.subjectAltName ?? 'none'}).`,
    `Install a certificate whose subject alternative names include ${target.host}.`,
  );
}

/** Expired or not yet valid fails; fewer than `warningDays` left warns (the same states as the certificates view's). */
export function expiryFinding(leaf: X509Certificate, warningDays: number, now = new Date()): EhiFinding {
  const notBefore = new Date(leaf.validFrom);
  const notAfter = new Date(leaf.validTo);
  const until = notAfter.toISOString().slice(0, 10);
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY);
  switch (statusAt(now, notBefore, notAfter, warningDays)) {
    case 'expired':
      return fail(
        'certificate.expiry',
        `The certificate expired on ${until}.`,
        'Renew the server certificate with your CA and install it.',
      );
    case 'not-yet-valid':
      return fail(
        'certificate.expiry',
        `The certificate is not valid before ${notBefore.toISOString().slice(0, 10)}.`,
        "Install a certificate that is valid today, or correct the server's clock.",
      );
    case 'expiring':
      return warn(
        'certificate.expiry',
        `The certificate expires on ${until}, in ${daysLeft} days.`,
        'Renew the server certificate before it expires: Thredd cannot reach an endpoint with an expired certificate.',
      );
    case 'valid':
      return pass('certificate.expiry', `The certificate is valid until ${until} (${daysLeft} days left).`);
  }
}

/** SSL Labs caps RSA keys below 2048 bits (and EC keys below 256) at B; Thredd's guide asks for an A. */
export function keyFinding(leaf: X509Certificate): EhiFinding {
  const key = leaf.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') {
    const bits = details.modulusLength ?? 0;
    if (bits >= 2048) return pass('certificate.key', `The certificate's key is RSA ${bits} bits.`);
    return fail(
      'certificate.key',
      `The certificate's key is RSA ${bits} bits: SSL Labs grades that below A.`,
      'Issue the certificate for an RSA key of at least 2048 bits (or EC P-256).',
    );
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = details.namedCurve ?? 'unknown curve';
    const bits = { prime256v1: 256, secp384r1: 384, secp521r1: 521 }[curve];
    if (bits) return pass('certificate.key', `The certificate's key is EC ${curve} (${bits} bits).`);
    return fail(
      'certificate.key',
      `The certificate's key is EC ${curve}: weaker or less supported than P-256.`,
      'Issue the certificate for an EC P-256 or P-384 key, or RSA 2048+.',
    );
  }
  if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448') {
    return warn(
      'certificate.key',
      `The certificate's key is ${key.asymmetricKeyType}: many TLS clients cannot use it yet.`,
      'Use an RSA 2048+ or EC P-256 certificate.',
    );
  }
  return warn(
    'certificate.key',
    `The certificate's key type ${key.asymmetricKeyType ?? 'unknown'} is not one this check grades.`,
    'Use an RSA 2048+ or EC P-256 certificate.',
  );
}

/** Name, dates and key of the server's certificate. */
export function certificateFindings(leaf: X509Certificate, target: EndpointTarget, warningDays: number): EhiFinding[] {
  return [hostnameFinding(leaf, target), expiryFinding(leaf, warningDays), keyFinding(leaf)];
}
