import type { Client } from '@opensearch-project/opensearch';
import { z } from 'zod';
import type { NamedTemplate, TemplateOptions } from './templates';
import { buildTemplates, templateChecksum } from './templates';

export type SetupOutcome = 'created' | 'updated' | 'unchanged';

export interface TemplateReport {
  readonly kind: NamedTemplate['kind'];
  readonly name: string;
  readonly outcome: SetupOutcome;
}

const installedSchema = z.object({
  component_templates: z.array(z.object({ component_template: z.object({ _meta: z.looseObject({ checksum: z.string().optional() }).optional() }) })).optional(),
  index_templates: z.array(z.object({ index_template: z.object({ _meta: z.looseObject({ checksum: z.string().optional() }).optional() }) })).optional(),
});

/**
 * Installs the component and index templates, in dependency order. Idempotent: a template
 * whose installed `_meta.checksum` matches is left alone, any other is (re)written with PUT.
 * Existing indices keep their mappings; the templates apply to indices created afterwards.
 */
export async function ensureIndexTemplates(client: Client, options: TemplateOptions): Promise<TemplateReport[]> {
  const reports: TemplateReport[] = [];
  for (const template of buildTemplates(options)) {
    const path = `/${template.kind === 'component' ? '_component_template' : '_index_template'}/${encodeURIComponent(template.name)}`;
    const current = await client.transport.request({ method: 'GET', path }, { ignore: [404] });
    const installed = current.statusCode === 404 ? undefined : installedChecksum(current.body);
    if (current.statusCode !== 404 && installed === templateChecksum(template)) {
      reports.push({ kind: template.kind, name: template.name, outcome: 'unchanged' });
      continue;
    }
    await client.transport.request({ method: 'PUT', path, body: { ...template.body } });
    reports.push({ kind: template.kind, name: template.name, outcome: current.statusCode === 404 ? 'created' : 'updated' });
  }
  return reports;
}

function installedChecksum(body: unknown): string | undefined {
  const parsed = installedSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const entry = parsed.data.component_templates?.[0]?.component_template ?? parsed.data.index_templates?.[0]?.index_template;
  return entry?._meta?.checksum;
}
