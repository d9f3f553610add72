import type { SamplePrng } from '../prng';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Credentials shaped like real ones (so secret scanners and rules recognise them) but made up
 * from the seed: nothing here was ever a key. AWS key ids are 4 letters of kind (AKIA long-term,
 * ASIA temporary) and 16 base-32 characters.
 */
export function fakeAccessKeyId(prng: SamplePrng, kind: 'AKIA' | 'ASIA' = 'AKIA'): string {
  return `${kind}${prng.chars(16, BASE32)}`;
}

export function fakeSecretAccessKey(prng: SamplePrng): string {
  return prng.chars(40, BASE64);
}

/** An STS session token's opening (they all start with the same encoded header). */
export function fakeSessionToken(prng: SamplePrng): string {
  return `IQoJb3JpZ2luX2VjE${prng.chars(3, 'ABCDEFGHIJKLMNOP')}aCWV1LXdlc3QtMSJH${prng.chars(120, BASE64)}`;
}

/** A JWT as an identity provider issues it: base64url header and claims, an RS256-sized signature. */
export function fakeJwt(prng: SamplePrng, claims: Readonly<Record<string, unknown>>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = { alg: 'RS256', typ: 'JWT', kid: prng.hex(16) };
  return `${part(header)}.${part(claims)}.${prng.chars(342, BASE64URL)}`;
}

/** The first lines of a PEM-encoded RSA private key (what an application prints when it logs the value). */
export function fakePemPrivateKeyHead(prng: SamplePrng): string {
  // A PKCS#1 RSA 2048-bit key starts with the same DER header (SEQUENCE, version 0, modulus), hence "MIIEowIBAAKCAQEA".
  const body = [`MIIEowIBAAKCAQEA${prng.chars(48, BASE64)}`, prng.chars(64, BASE64), prng.chars(64, BASE64)];
  return ['-----BEGIN RSA PRIVATE KEY-----', ...body].join('\n');
}
