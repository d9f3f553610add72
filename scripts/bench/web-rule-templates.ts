import type { RuleTemplate } from './rule-draft';
import { mixValues, WEB_LOGSOURCE } from './rule-draft';
import {
  fakeDomain,
  fakeFileName,
  fakeIndicator,
  fakeNetwork,
  fakeToolName,
  HOSTILE_NETWORKS,
  INTERNAL_NETWORKS,
  PATH_ENDINGS,
  PATH_PARTS,
  PATH_PREFIXES,
  QUERY_TOKENS,
  SCANNER_TOKENS,
} from './rule-vocabulary';

/** Detections over the HTTP access lines of Lambda-hosted APIs (ECS http.*, url.*, user_agent.*). */
export const WEB_RULE_TEMPLATES: readonly RuleTemplate[] = [
  {
    name: 'web-query-injection',
    weight: 10,
    build: (prng) => ({
      title: `Injection Pattern In Query String (${fakeIndicator(prng)})`,
      description: 'Detects query strings carrying SQL injection, traversal or SSRF fragments.',
      logsource: WEB_LOGSOURCE,
      detection: { selection: { 'url.query|contains': mixValues(prng, QUERY_TOKENS, () => fakeIndicator(prng), 1, 4) }, condition: 'selection' },
      tags: ['attack.initial-access', 'attack.t1190'],
      level: 'high',
      falsepositives: ['Security scanners run by the application owner'],
    }),
  },
  {
    name: 'web-probed-path',
    weight: 10,
    build: (prng) => ({
      title: `Request For Sensitive File ${fakeFileName(prng)}`,
      description: 'Detects requests for files that hold secrets or admin interfaces, a common reconnaissance step.',
      logsource: WEB_LOGSOURCE,
      detection: {
        selection: { 'url.path|endswith': mixValues(prng, PATH_ENDINGS, () => `/${fakeFileName(prng)}`, 1, 3), 'http.request.method': prng.pick([['GET'], ['GET', 'POST']]) },
        filter_internal: { 'source.ip|cidr': [...INTERNAL_NETWORKS] },
        condition: 'selection and not filter_internal',
      },
      tags: ['attack.reconnaissance', 'attack.t1595.003'],
      level: 'medium',
      falsepositives: ['Vulnerability scans by the security team'],
    }),
  },
  {
    name: 'web-admin-prefix',
    weight: 6,
    build: (prng) => ({
      title: `Access To Administrative Endpoint ${prng.hex(4)}`,
      description: 'Detects requests to administrative paths the public API never serves.',
      logsource: WEB_LOGSOURCE,
      detection: {
        selection: { 'url.path|startswith': mixValues(prng, PATH_PREFIXES, () => `/${fakeToolName(prng)}/`, 1, 3) },
        filter_not_found: { 'http.response.status_code': 404 },
        condition: prng.chance(0.5) ? 'selection' : 'selection and not filter_not_found',
      },
      tags: ['attack.discovery'],
      level: 'low',
      falsepositives: ['Unknown'],
    }),
  },
  {
    name: 'web-scanner-user-agent',
    weight: 8,
    build: (prng) => ({
      title: `Scanner User Agent ${fakeToolName(prng)}`,
      description: 'Detects user agents of automated vulnerability scanners and exploitation tools.',
      logsource: WEB_LOGSOURCE,
      detection: { selection: { 'user_agent.original|contains': mixValues(prng, SCANNER_TOKENS, () => fakeToolName(prng), 1, 3) }, condition: 'selection' },
      tags: ['attack.reconnaissance', 'attack.t1595.002'],
      level: 'medium',
      falsepositives: ['Authorized penetration tests'],
    }),
  },
  {
    name: 'web-one-of',
    weight: 6,
    build: (prng) => ({
      title: `Exploit Attempt Against ${fakeDomain(prng)}`,
      description: 'Detects one of several exploit markers in path, query or user agent.',
      logsource: WEB_LOGSOURCE,
      detection: {
        selection_path: { 'url.path|contains': mixValues(prng, PATH_PARTS, () => `/${fakeFileName(prng)}`, 1, 2) },
        selection_query: { 'url.query|contains': mixValues(prng, QUERY_TOKENS, () => fakeIndicator(prng), 1, 2) },
        selection_agent: { 'user_agent.original|contains': [fakeToolName(prng)] },
        condition: '1 of selection_*',
      },
      tags: ['attack.initial-access', 'attack.t1190'],
      level: 'high',
      falsepositives: ['Unknown'],
    }),
  },
  {
    name: 'web-denied-from-network',
    weight: 4,
    build: (prng) => ({
      title: `Denied Requests From Listed Network ${prng.hex(4)}`,
      description: 'Detects authentication failures from networks on a threat-intelligence list.',
      logsource: WEB_LOGSOURCE,
      detection: {
        selection: {
          'source.ip|cidr': mixValues(prng, HOSTILE_NETWORKS, () => fakeNetwork(prng), 1, 2),
          'http.response.status_code': prng.pick([[401], [401, 403], [403]]),
        },
        condition: 'selection',
      },
      tags: ['attack.credential-access', 'attack.t1110'],
      level: 'medium',
      falsepositives: ['Shared NAT addresses'],
    }),
  },
];
