import { indexNamesFor } from '../../src/opensearch/index-names';
import { countMappedFields, flatObjectPaths } from '../../src/opensearch/mappings/event-mappings';
import type { Properties } from '../../src/opensearch/mappings/field-types';
import { TOTAL_FIELDS_LIMIT, buildTemplates } from '../../src/opensearch/templates';
import type { NamedTemplate } from '../../src/opensearch/templates';

const templates = buildTemplates({ names: indexNamesFor('lw'), replicas: 1 });

function byName(name: string): NamedTemplate {
  const template = templates.find((t) => t.name === name);
  if (template === undefined) throw new Error(`no template ${name}`);
  return template;
}

function mappingOf(name: string): { dynamic: unknown; properties: Properties } {
  return (byName(name).body['template'] as { mappings: { dynamic: unknown; properties: Properties } }).mappings;
}

function fieldAt(properties: Properties, path: string): unknown {
  const [head, ...rest] = path.split('.');
  const field = properties[head ?? ''];
  return rest.length === 0 ? field : field?.properties === undefined ? undefined : fieldAt(field.properties, rest.join('.'));
}

describe('opensearch templates', () => {
  it('installs component templates before the index templates composed of them', () => {
    expect(templates.map((t) => `${t.kind}:${t.name}`)).toEqual([
      'component:lw-event-fields',
      'component:lw-alert-fields',
      'component:lw-alert-match-fields',
      'component:lw-response-fields',
      'index:lw-events',
      'index:lw-alerts',
      'index:lw-alert-matches',
      'index:lw-responses',
    ]);
    expect(byName('lw-alerts').body).toMatchObject({ index_patterns: ['lw-alerts'], composed_of: ['lw-event-fields', 'lw-alert-fields'] });
    expect(byName('lw-events').body).toMatchObject({ index_patterns: ['lw-events-*'], composed_of: ['lw-event-fields'] });
  });

  it('keeps unknown fields in _source without mapping them (checklist 29)', () => {
    for (const name of ['lw-event-fields', 'lw-alert-fields', 'lw-alert-match-fields']) expect(mappingOf(name).dynamic).toBe(false);
  });

  it('maps the open-ended parts of events as flat_object', () => {
    expect(flatObjectPaths(mappingOf('lw-event-fields').properties)).toEqual([
      'aws.apigateway',
      'aws.cloudtrail.requestParameters',
      'aws.cloudtrail.responseElements',
      'aws.cloudtrail.additionalEventData',
      'aws.cloudtrail.serviceEventDetails',
      'aws.cloudtrail.resources',
      'json',
    ]);
  });

  it.each([
    ['@timestamp', 'date'],
    ['message', 'text'],
    ['source.ip', 'ip'],
    ['destination.port', 'integer'],
    ['related.ip', 'ip'],
    ['error.stack_trace', 'text'],
    ['aws.cloudtrail.sourceIPAddress', 'keyword'],
    ['aws.cloudtrail.readOnly', 'boolean'],
    ['aws.cloudtrail.userIdentity.sessionContext.sessionIssuer.arn', 'keyword'],
    ['aws.lambda.duration_ms', 'double'],
    ['aws.vpcflow.srcaddr', 'keyword'],
  ])('maps %s as %s', (path, type) => {
    expect(fieldAt(mappingOf('lw-event-fields').properties, path)).toMatchObject({ type });
  });

  it('gives url.original and user_agent.original a text multi-field', () => {
    expect(fieldAt(mappingOf('lw-event-fields').properties, 'url.original')).toMatchObject({ type: 'keyword', fields: { text: { type: 'text' } } });
    expect(fieldAt(mappingOf('lw-event-fields').properties, 'user_agent.original')).toMatchObject({ type: 'keyword', fields: { text: { type: 'text' } } });
  });

  it('maps alert state with strict dates and the alert-match fields', () => {
    const alert = mappingOf('lw-alert-fields').properties;
    expect(fieldAt(alert, 'alert.first_seen')).toEqual({ type: 'date' });
    expect(fieldAt(alert, 'alert.history.at')).toEqual({ type: 'date' });
    expect(fieldAt(alert, 'alert.dedup_fields')).toEqual({ type: 'flat_object' });
    expect(fieldAt(alert, 'threat.technique.id')).toMatchObject({ type: 'keyword' });
    expect(Object.keys(mappingOf('lw-alert-match-fields').properties).sort()).toEqual(['@timestamp', 'alert', 'event', 'rule']);
  });

  it('sets replicas, refresh intervals and a field limit well above what the alerts index maps', () => {
    expect(byName('lw-events').body['template']).toEqual({ settings: { 'index.number_of_replicas': 1, 'index.refresh_interval': '5s', 'index.mapping.total_fields.limit': TOTAL_FIELDS_LIMIT } });
    expect(byName('lw-alerts').body['template']).toMatchObject({ settings: { 'index.refresh_interval': '1s' } });
    const alertFields = countMappedFields(mappingOf('lw-event-fields').properties) + countMappedFields(mappingOf('lw-alert-fields').properties);
    expect(alertFields).toBeLessThan(TOTAL_FIELDS_LIMIT / 2);
  });

  it('stamps each template with a checksum of its content', () => {
    const again = buildTemplates({ names: indexNamesFor('lw'), replicas: 1 });
    const other = buildTemplates({ names: indexNamesFor('lw'), replicas: 0 });
    const checksum = (t: NamedTemplate | undefined): unknown => (t?.body['_meta'] as { checksum?: unknown } | undefined)?.checksum;
    const events = (list: readonly NamedTemplate[]) => list.find((t) => t.kind === 'index' && t.name === 'lw-events');
    expect(checksum(events(again))).toBe(checksum(events(templates)));
    expect(checksum(events(other))).not.toBe(checksum(events(templates)));
  });
});
