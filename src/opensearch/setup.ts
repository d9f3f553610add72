import type { Client } from '@opensearch-project/opensearch';
import type { IndexReport } from './ensure-indices';
import { ensureIndices } from './ensure-indices';
import type { TemplateReport } from './ensure-templates';
import { ensureIndexTemplates } from './ensure-templates';
import type { TemplateOptions } from './templates';

export interface SetupReport {
  readonly templates: readonly TemplateReport[];
  readonly indices: readonly IndexReport[];
}

/** Everything a deployment needs before the first write: templates, then the alert indices. Idempotent. */
export async function setupOpenSearch(client: Client, options: TemplateOptions): Promise<SetupReport> {
  const templates = await ensureIndexTemplates(client, options);
  const indices = await ensureIndices(client, options.names);
  return { templates, indices };
}
