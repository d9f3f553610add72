import { isIP } from 'node:net';

/**
 * Webhooks go out over TLS. Plain `http:` is accepted only to this machine (tests, a local
 * receiver), and a URL never carries credentials: the signature authenticates us.
 */
export function checkWebhookUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `'${text}' is not a URL`;
  }
  if (url.username !== '' || url.password !== '') return 'a webhook URL must not carry credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return `webhooks need https: (plain http: only to a loopback address), not ${url.protocol}//${url.hostname}`;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1');
}
