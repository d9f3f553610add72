import { gunzipSync } from 'node:zlib';

/**
 * Largest decompressed payload accepted. A CloudWatch Logs delivery carries at most about 1 MiB
 * of messages; JSON escaping can inflate that several times for control characters, so 16 MiB
 * leaves room for any genuine payload while a gzip bomb (a few KB that inflate to hundreds of
 * MB) is refused after writing at most this much.
 */
export const MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export type Decompressed = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly error: string };

/** Gunzips with an output cap: zlib stops as soon as the output would exceed it. */
export function gunzipCapped(bytes: Uint8Array, maxBytes = MAX_DECOMPRESSED_BYTES): Decompressed {
  try {
    return { ok: true, bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, error: `gzip payload inflates beyond ${maxBytes} bytes` };
    return { ok: false, error: `invalid gzip data: ${(err as Error).message}` };
  }
}
