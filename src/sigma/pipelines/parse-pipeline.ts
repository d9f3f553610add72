import { basename, extname } from 'node:path';
import type { RuleProblem } from '../problems';
import { ProblemCollector } from '../problems';
import type { PlainValue } from '../values/sigma-value';
import { parseYamlDocuments } from '../yaml/parse-yaml-documents';
import { pipelineDocumentSchema, transformationItemSchema } from '../../schemas/sigma-pipeline';
import { buildProcessingItem } from './build-processing-item';
import type { ProcessingItem, ProcessingPipeline } from './processing-pipeline';
import { reportSchemaIssues } from './report-schema-issues';

/**
 * Parses and validates a processing pipeline file (pySigma YAML format). Every problem is
 * reported with the file, line and field; the pipeline is returned only when there is none.
 */
export function parsePipeline(text: string, file: string): { pipeline: ProcessingPipeline | undefined; problems: RuleProblem[] } {
  const yaml = parseYamlDocuments(text);
  const problems: RuleProblem[] = yaml.problems.map((p) => ({ file, line: p.line, field: '', message: p.message }));
  const [doc, ...extra] = yaml.documents;
  if (problems.length > 0) return { pipeline: undefined, problems };
  if (doc === undefined || extra.length > 0) {
    const message = doc === undefined ? 'the pipeline file is empty' : `a pipeline file holds one YAML document, found ${yaml.documents.length}`;
    return { pipeline: undefined, problems: [{ file, line: extra[0]?.startLine, field: '', message }] };
  }
  const collector = new ProblemCollector(file, doc.lineOf);
  const parsed = pipelineDocumentSchema.safeParse(doc.value);
  if (!parsed.success) reportSchemaIssues(parsed.error, [], collector);

  // Entries are built one by one, so that a shape error in one does not hide problems in the others.
  const raw = typeof doc.value === 'object' && doc.value !== null && 'transformations' in doc.value ? doc.value.transformations : undefined;
  const items: (ProcessingItem | undefined)[] = (Array.isArray(raw) ? raw : []).map((entry: unknown, i) => {
    const item = transformationItemSchema.safeParse(entry);
    return item.success ? buildProcessingItem(item.data, ['transformations', i], collector) : undefined;
  });
  if (!parsed.success || collector.hasProblems) return { pipeline: undefined, problems: collector.problems };

  const vars = new Map<string, readonly PlainValue[]>();
  for (const [name, value] of Object.entries(parsed.data.vars ?? {})) vars.set(name, Object.freeze(Array.isArray(value) ? [...value] : [value]));
  const pipeline: ProcessingPipeline = Object.freeze({
    name: parsed.data.name ?? basename(file, extname(file)),
    priority: parsed.data.priority ?? 0,
    file,
    vars,
    items: Object.freeze(items as ProcessingItem[]),
  });
  return { pipeline, problems: [] };
}
