import type { Client } from '@opensearch-project/opensearch';
import { z } from 'zod';
import type { IndexNames } from './index-names';

const errorTypeSchema = z.object({ error: z.object({ type: z.string() }) });

export interface IndexReport {
  readonly name: string;
  readonly outcome: 'created' | 'exists';
}

/**
 * Creates the alerts, alert-matches and responses indices when missing (after the templates, which give
 * them their mappings). Events indices are daily and created by the first write into them.
 */
export async function ensureIndices(client: Client, names: IndexNames): Promise<IndexReport[]> {
  const reports: IndexReport[] = [];
  for (const name of [names.alerts, names.alertMatches, names.responses]) {
    const exists = await client.indices.exists({ index: name });
    if (exists.body) {
      reports.push({ name, outcome: 'exists' });
      continue;
    }
    // Another setup run may create it between the check and here: "already exists" is success.
    const created = await client.transport.request({ method: 'PUT', path: `/${encodeURIComponent(name)}` }, { ignore: [400] });
    if (created.statusCode === 400 && !isAlreadyExists(created.body)) {
      throw new Error(`creating index ${name} failed: ${JSON.stringify(created.body).slice(0, 500)}`);
    }
    reports.push({ name, outcome: created.statusCode === 400 ? 'exists' : 'created' });
  }
  return reports;
}

function isAlreadyExists(body: unknown): boolean {
  const parsed = errorTypeSchema.safeParse(body);
  return parsed.success && parsed.data.error.type === 'resource_already_exists_exception';
}
