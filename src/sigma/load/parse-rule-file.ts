import { ConditionSyntaxError, parseCondition, undefinedReferences } from '../condition/parse-condition';
import { parseDetectionSection } from '../detection/parse-detection';
import type { DocPath, RuleProblem } from '../problems';
import { ProblemCollector } from '../problems';
import type { ParsedCondition, ParsedRule } from '../rule/parsed-rule';
import type { YamlDocument } from '../yaml/parse-yaml-documents';
import { parseYamlDocuments } from '../yaml/parse-yaml-documents';
import { sigmaCorrelationSchema } from '../../schemas/sigma-correlation';
import { sigmaFilterSchema } from '../../schemas/sigma-filter';
import { sigmaRuleSchema } from '../../schemas/sigma-rule';
import type { ParsedCorrelation, ParsedFilter } from './parsed-documents';
import { reportZodIssues } from './zod-problems';

export interface ParsedRuleFile {
  readonly file: string;
  readonly rules: readonly ParsedRule[];
  readonly correlations: readonly ParsedCorrelation[];
  readonly filters: readonly ParsedFilter[];
  /** Documents that are processing pipelines, not rules (a rule folder may hold both). */
  readonly pipelineDocuments: number;
  readonly problems: readonly RuleProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses and validates every document of one rule file: detection rules, correlations and meta-filters. */
export function parseRuleFile(text: string, file: string): ParsedRuleFile {
  const yaml = parseYamlDocuments(text);
  const problems: RuleProblem[] = yaml.problems.map((p) => ({ file, line: p.line, field: '', message: p.message }));
  const rules: ParsedRule[] = [];
  const correlations: ParsedCorrelation[] = [];
  const filters: ParsedFilter[] = [];
  let pipelineDocuments = 0;

  yaml.documents.forEach((doc, documentIndex) => {
    const collector = new ProblemCollector(file, doc.lineOf);
    const value = doc.value;
    if (!isRecord(value)) {
      collector.add([], 'a Sigma document must be a map of attributes');
    } else if ('action' in value) {
      collector.add(['action'], "multi-document collections ('action: global/reset/repeat') are Sigma 1.0 syntax, not part of v2.1");
    } else if ('correlation' in value) {
      const correlation = parseCorrelationDocument(value, doc, file, collector);
      if (correlation !== undefined) correlations.push(correlation);
    } else if ('filter' in value && !('detection' in value)) {
      const filter = parseFilterDocument(value, doc, file, collector);
      if (filter !== undefined) filters.push(filter);
    } else if ('transformations' in value && !('detection' in value)) {
      pipelineDocuments++;
    } else {
      const rule = parseRuleDocument(value, doc, file, documentIndex, collector);
      if (rule !== undefined) rules.push(rule);
    }
    // Zod reports in schema order; authors read files top to bottom.
    problems.push(...[...collector.problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)));
  });
  return { file, rules, correlations, filters, pipelineDocuments, problems };
}

/** Parses conditions and checks them against every identifier written (broken ones included, so nothing is reported twice). */
function parseConditions(texts: readonly { text: string; path: DocPath }[], identifiers: readonly string[], collector: ProblemCollector): ParsedCondition[] {
  const out: ParsedCondition[] = [];
  for (const { text, path } of texts) {
    try {
      const ast = parseCondition(text);
      for (const message of undefinedReferences(ast, identifiers)) collector.add(path, message);
      out.push({ text, ast, path });
    } catch (err) {
      if (!(err instanceof ConditionSyntaxError)) throw err;
      collector.add(path, `invalid condition '${text}': ${err.message}`);
    }
  }
  return out;
}

function writtenIdentifiers(section: Record<string, unknown>, reserved: ReadonlySet<string>): string[] {
  return Object.keys(section).filter((k) => !reserved.has(k));
}

function parseRuleDocument(
  value: Record<string, unknown>,
  doc: YamlDocument,
  file: string,
  documentIndex: number,
  collector: ProblemCollector,
): ParsedRule | undefined {
  const result = sigmaRuleSchema.safeParse(value);
  if (!result.success) reportZodIssues(result.error, [], collector, value);
  const detection = value['detection'];
  if (!isRecord(detection)) return undefined;
  const section = parseDetectionSection(detection, ['detection'], collector);
  if (section.conditions.length === 0 && !('condition' in detection)) collector.add(['detection', 'condition'], 'is required');
  const conditions = parseConditions(section.conditions, writtenIdentifiers(detection, new Set(['condition', 'timeframe'])), collector);
  if (!result.success || collector.hasProblems) return undefined;
  return {
    file,
    documentIndex,
    line: doc.startLine,
    document: result.data,
    logsource: result.data.logsource,
    detections: section.identifiers,
    conditions,
    lineOf: doc.lineOf,
  };
}

function parseFilterDocument(value: Record<string, unknown>, doc: YamlDocument, file: string, collector: ProblemCollector): ParsedFilter | undefined {
  const result = sigmaFilterSchema.safeParse(value);
  if (!result.success) reportZodIssues(result.error, [], collector, value);
  const filter = value['filter'];
  if (!isRecord(filter)) return undefined;
  const section = parseDetectionSection(filter, ['filter'], collector, new Set(['rules']));
  if (section.conditions.length > 1) collector.add(['filter', 'condition'], 'a filter has exactly one condition');
  const conditions = parseConditions(section.conditions.slice(0, 1), writtenIdentifiers(filter, new Set(['condition', 'rules'])), collector);
  const condition = conditions[0];
  if (!result.success || collector.hasProblems || condition === undefined) return undefined;
  return {
    file,
    line: doc.startLine,
    document: result.data,
    detections: section.identifiers,
    condition: condition.ast,
    conditionPath: condition.path,
    lineOf: doc.lineOf,
  };
}

function parseCorrelationDocument(value: Record<string, unknown>, doc: YamlDocument, file: string, collector: ProblemCollector): ParsedCorrelation | undefined {
  const result = sigmaCorrelationSchema.safeParse(value);
  if (!result.success) {
    reportZodIssues(result.error, [], collector, value);
    return undefined;
  }
  return { file, line: doc.startLine, document: result.data, lineOf: doc.lineOf };
}
