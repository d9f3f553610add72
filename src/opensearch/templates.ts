import { hash } from 'node:crypto';
import type { IndexNames } from './index-names';
import { ALERT_MATCH_PROPERTIES, ALERT_PROPERTIES } from './mappings/alert-fields';
import { EVENT_PROPERTIES, rootMapping } from './mappings/event-mappings';
import { RESPONSE_AUDIT_PROPERTIES } from './mappings/response-fields';

export interface TemplateOptions {
  readonly names: IndexNames;
  /** 0 on a single local node, 1 (the default in AWS) for availability. */
  readonly replicas: number;
}

/** A template body as sent to `PUT _component_template/<name>` or `PUT _index_template/<name>`. */
export interface NamedTemplate {
  readonly kind: 'component' | 'index';
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
}

// dynamic: false means documents never add fields; the limit only bounds template growth.
// The templates map about a third of it (test/opensearch/templates.test.ts).
export const TOTAL_FIELDS_LIMIT = 1000;
const PRIORITY = 200;

/**
 * The composable templates (component templates first, since index templates name them):
 * the event fields are one component used by both the events and the alerts index, because
 * an alert copies its triggering event at its root.
 */
export function buildTemplates(options: TemplateOptions): readonly NamedTemplate[] {
  const { prefix, alerts, alertMatches, responses } = options.names;
  const component = (suffix: string, properties: typeof EVENT_PROPERTIES): NamedTemplate =>
    withVersion({ kind: 'component', name: `${prefix}-${suffix}`, body: { template: { mappings: rootMapping(properties) } } });
  const index = (name: string, patterns: readonly string[], composedOf: readonly string[], refreshInterval: string): NamedTemplate =>
    withVersion({
      kind: 'index',
      name,
      body: {
        index_patterns: patterns,
        priority: PRIORITY,
        composed_of: composedOf.map((suffix) => `${prefix}-${suffix}`),
        template: {
          settings: {
            'index.number_of_replicas': options.replicas,
            'index.refresh_interval': refreshInterval,
            'index.mapping.total_fields.limit': TOTAL_FIELDS_LIMIT,
          },
        },
      },
    });
  return [
    component('event-fields', EVENT_PROPERTIES),
    component('alert-fields', ALERT_PROPERTIES),
    component('alert-match-fields', ALERT_MATCH_PROPERTIES),
    component('response-fields', RESPONSE_AUDIT_PROPERTIES),
    // Events are bulk-ingested and searched seconds later: 5 s refresh (AWS bp.md suggests
    // 30 s+ for heavy ingest); analysts expect alerts within a second.
    index(`${prefix}-events`, [`${prefix}-events-*`], ['event-fields'], '5s'),
    index(alerts, [alerts], ['event-fields', 'alert-fields'], '1s'),
    index(alertMatches, [alertMatches], ['alert-match-fields'], '1s'),
    index(responses, [responses], ['response-fields'], '1s'),
  ];
}

/** `_meta.checksum` tells an installed template that is already current from one to replace. */
function withVersion(template: NamedTemplate): NamedTemplate {
  const checksum = hash('sha256', JSON.stringify(template.body), 'base64url').slice(0, 22);
  return { ...template, body: { ...template.body, _meta: { managed_by: 'logwarden', checksum } } };
}

export function templateChecksum(template: NamedTemplate): string | undefined {
  const meta = template.body['_meta'];
  return typeof meta === 'object' && meta !== null && 'checksum' in meta && typeof meta.checksum === 'string' ? meta.checksum : undefined;
}
