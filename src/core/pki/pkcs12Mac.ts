import { createHmac } from 'node:crypto';
import type * as Forge from 'node-forge';
import { loadForge } from './forge';

/** Digest OIDs a PKCS#12 MAC may use, with Node's HMAC name and the forge digest for key derivation. */
export const MAC_DIGESTS: Record<string, { hash: string; bytes: number; forgeMd: () => Forge.md.MessageDigest }> = {
  '1.3.14.3.2.26': { hash: 'sha1', bytes: 20, forgeMd: () => loadForge().md.sha1.create() },
  '2.16.840.1.101.3.4.2.1': { hash: 'sha256', bytes: 32, forgeMd: () => loadForge().md.sha256.create() },
  '2.16.840.1.101.3.4.2.2': { hash: 'sha384', bytes: 48, forgeMd: () => loadForge().md.sha384.create() },
  '2.16.840.1.101.3.4.2.3': { hash: 'sha512', bytes: 64, forgeMd: () => loadForge().md.sha512.create() },
};

/**
 * The PFX integrity MAC (RFC 7292 §5 and Appendix B). Its key comes from the PKCS#12 key
 * derivation (ID 3), which Node's crypto does not offer, so node-forge derives the key and
 * native HMAC does the rest.
 */
export function pkcs12Mac(digestOid: string, passphrase: string, salt: Uint8Array, iterations: number, content: Uint8Array): Buffer {
  const digest = MAC_DIGESTS[digestOid];
  if (!digest) throw new Error(`unsupported PKCS#12 MAC digest ${digestOid}`);
  const forge = loadForge();
  const saltBuffer = forge.util.createBuffer(Buffer.from(salt).toString('binary'));
  const key = forge.pkcs12.generateKey(passphrase, saltBuffer, 3, iterations, digest.bytes, digest.forgeMd());
  return createHmac(digest.hash, Buffer.from(key.getBytes(), 'binary')).update(content).digest();
}
