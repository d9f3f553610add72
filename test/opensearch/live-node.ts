import { randomBytes } from 'node:crypto';
import type { Client } from '@opensearch-project/opensearch';
import { createOpenSearchClient } from '../../src/opensearch/client';
import { readOpenSearchConfig } from '../../src/opensearch/config';
import { indexNamesFor } from '../../src/opensearch/index-names';
import type { IndexNames } from '../../src/opensearch/index-names';
import { buildTemplates } from '../../src/opensearch/templates';

/** The node the integration global setup started (OPENSEARCH_URL); integration tests never skip. */
export function liveClient(): Client {
  const url = process.env.OPENSEARCH_URL;
  if (url === undefined || url === '') throw new Error('OPENSEARCH_URL is not set: the integration global setup did not run');
  return createOpenSearchClient(readOpenSearchConfig({ OPENSEARCH_URL: url }));
}

/** Index names no other run uses: `lwit<time><random>-…`. */
export function uniqueNames(): IndexNames {
  return indexNamesFor(`lwit${Date.now().toString(36)}${randomBytes(3).toString('hex')}`);
}

/** Deletes every index and template under the prefix (index templates first: they name the components). */
export async function removeAll(client: Client, names: IndexNames): Promise<void> {
  await client.transport.request({ method: 'DELETE', path: `/${names.prefix}-*` }, { ignore: [404] });
  const templates = buildTemplates({ names, replicas: 0 });
  for (const template of [...templates].reverse()) {
    const path = `/${template.kind === 'component' ? '_component_template' : '_index_template'}/${template.name}`;
    await client.transport.request({ method: 'DELETE', path }, { ignore: [404] });
  }
}

interface MappingNode {
  readonly properties?: Record<string, MappingNode>;
  readonly fields?: Record<string, unknown>;
}

/** Fields an index maps, counted as index.mapping.total_fields.limit counts them. */
export async function mappedFieldCount(client: Client, index: string): Promise<number> {
  const response = await client.indices.getMapping({ index });
  const body = response.body as Record<string, { mappings: MappingNode }>;
  const count = (node: MappingNode): number =>
    Object.values(node.properties ?? {}).reduce((sum, child) => sum + 1 + Object.keys(child.fields ?? {}).length + count(child), 0);
  return count(body[index]?.mappings ?? {});
}

/** The stored `_source` and `_version` of a document, or undefined. */
export async function storedDocument(client: Client, index: string, id: string): Promise<{ version: number; source: Record<string, unknown> } | undefined> {
  const response = await client.get({ index, id }, { ignore: [404] });
  const body = response.body as { found: boolean; _version?: number; _source?: Record<string, unknown> };
  return body.found ? { version: body._version ?? 0, source: body._source ?? {} } : undefined;
}
