import { fillTemplate, ipFromPrefix } from './event-context';
import type { Prng } from './prng';
import { HOSTILE_IP_PREFIXES } from './cloudtrail-vocabulary';
import {
  COMMAND_INJECTIONS,
  LEAKED_SECRET_MESSAGES,
  PATH_TRAVERSALS,
  PROBED_PATHS,
  SCANNER_USER_AGENTS,
  SEARCH_WORDS,
  SQL_INJECTIONS,
  SSRF_QUERIES,
  TRAVERSAL_QUERIES,
} from './web-vocabulary';

/** A request as the application logged it. */
export interface WebRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  userAgent: string;
  sourceIp: string;
}

/** Rewrites a request into one of the attacks web detections look for; most also come from a hostile range. */
export function applyWebAttack(prng: Prng, request: WebRequest): WebRequest {
  const hostile = prng.chance(0.6) ? { sourceIp: ipFromPrefix(prng, prng.pick(HOSTILE_IP_PREFIXES)) } : {};
  const attack = prng.weighted<() => Partial<WebRequest>>([
    [() => ({ query: prng.pick(SQL_INJECTIONS), status: prng.pick([400, 500, 200]) }), 3],
    [() => ({ path: prng.pick(PATH_TRAVERSALS), status: prng.pick([400, 403, 404]) }), 1],
    [() => ({ query: prng.pick(TRAVERSAL_QUERIES), status: prng.pick([400, 200]) }), 1],
    [() => ({ query: prng.pick(SSRF_QUERIES), status: prng.pick([200, 502]) }), 1],
    [() => ({ method: 'GET', path: prng.pick(PROBED_PATHS), query: '', status: 404 }), 3],
    [() => ({ query: prng.pick(COMMAND_INJECTIONS), status: 400 }), 1],
    [() => ({ userAgent: prng.pick(SCANNER_USER_AGENTS), status: prng.pick([404, 403, 200]) }), 3],
  ]);
  return { ...request, ...hostile, ...attack() };
}

/** An application message that leaks a credential, as careless debug logging does. */
export function leakedSecretMessage(prng: Prng): string {
  return fillTemplate(prng, prng.pick(LEAKED_SECRET_MESSAGES), SEARCH_WORDS);
}
