import type { Client } from '@opensearch-project/opensearch';
import { boolean, flatObject, keyword, keywordWithText, long, object, strictDate, text } from '../../opensearch/mappings/field-types';

/** The audit index: one document per recorded outcome, `<prefix>-responses`. */
export function responsesIndexFor(prefix: string): string {
  return `${prefix}-responses`;
}

export const RESPONSE_AUDIT_PROPERTIES = {
  '@timestamp': strictDate,
  action: object({
    id: keyword(),
    route: keyword(),
    hook: keyword(),
    kind: keyword(),
    target: keyword(2048),
    outcome: keyword(),
    dry_run: boolean,
    approval_required: boolean,
    by: keyword(),
    existing_state: keyword(),
    attempts: long,
    error: text,
    // What was (or would be) sent, and what the hook answered: open-ended, never mapped key by key.
    request: flatObject,
    detail: flatObject,
  }),
  alert: object({ id: keyword() }),
  rule: object({ id: keyword(), title: keywordWithText(), level: keyword() }),
} as const;

/**
 * Installs the audit index's template and creates the index when missing. The respond stage
 * does this on first use, so the index never gets dynamic mappings.
 */
export async function ensureResponsesIndex(client: Client, prefix: string, replicas: number): Promise<void> {
  const index = responsesIndexFor(prefix);
  await client.transport.request({
    method: 'PUT',
    path: `/_index_template/${encodeURIComponent(index)}`,
    body: {
      index_patterns: [index],
      priority: 200,
      template: {
        settings: { 'index.number_of_replicas': replicas, 'index.refresh_interval': '1s' },
        mappings: { dynamic: false, properties: RESPONSE_AUDIT_PROPERTIES },
      },
      _meta: { managed_by: 'logwarden' },
    },
  });
  const exists = await client.indices.exists({ index });
  if (exists.body) return;
  const created = await client.transport.request({ method: 'PUT', path: `/${encodeURIComponent(index)}` }, { ignore: [400] });
  const type = (created.body as { error?: { type?: string } } | undefined)?.error?.type;
  if (created.statusCode === 400 && type !== 'resource_already_exists_exception') throw new Error(`creating index ${index} failed: ${JSON.stringify(created.body).slice(0, 500)}`);
}
