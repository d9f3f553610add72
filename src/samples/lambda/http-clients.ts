import type { SamplePrng } from '../prng';

/** A caller of the shop's API: address and user agent. */
export interface HttpClient {
  readonly ip: string;
  readonly userAgent: string;
}

const USER_AGENTS: readonly (readonly [string, number])[] = [
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 30],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15', 14],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1', 18],
  ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 12],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 6],
  ['ShopApp/4.12.0 (iPhone; iOS 17.2; Scale/3.00)', 12],
  ['ShopApp/4.12.0 (Android 14; Pixel 8)', 8],
];

/**
 * The shop's customers. Addresses come from the documentation ranges (RFC 5737 192.0.2.0/24 and
 * RFC 3849 2001:db8::/32) so no real host appears; attackers use the other two RFC 5737 ranges.
 */
export function customerClients(prng: SamplePrng, count: number): HttpClient[] {
  const clients: HttpClient[] = [];
  for (let i = 0; i < count; i++) {
    const ip = prng.chance(0.2) ? `2001:db8:${prng.hex(4)}:${prng.int(1, 255).toString(16)}::${prng.hex(3)}` : `192.0.2.${prng.int(2, 254)}`;
    clients.push({ ip, userAgent: prng.weighted(USER_AGENTS) });
  }
  return clients;
}

/** How the shop's Node.js middleware logs a request (the query string decoded). */
export function requestLine(method: string, target: string, status: number, latencyMs: number, client: HttpClient): string {
  return `${method} ${target} ${status} ${Math.round(latencyMs)}ms ip=${client.ip} ua="${client.userAgent}"`;
}
