import { join } from 'node:path';
import { parseCondition } from '../../../src/sigma/condition/parse-condition';
import { parseDetectionSection } from '../../../src/sigma/detection/parse-detection';
import type { ProcessingPipeline } from '../../../src/sigma/pipelines';
import { parsePipeline } from '../../../src/sigma/pipelines';
import { formatProblem, ProblemCollector } from '../../../src/sigma/problems';
import type { ParsedRule } from '../../../src/sigma/rule/parsed-rule';
import { parseYamlDocuments } from '../../../src/sigma/yaml/parse-yaml-documents';
import { sigmaRuleSchema } from '../../../src/schemas/sigma-rule';

/** Factories for pipeline tests: rules and pipelines are written as YAML, as their authors write them. */

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'pipelines');

/** Removes the common leading indentation of a template literal. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const width = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(width)).join('\n') + '\n';
}

/** Parses one rule document into a ParsedRule; throws if the snippet itself is not a valid rule. */
export function parsedRule(yaml: string, file = 'rules/test-rule.yml'): ParsedRule {
  const { documents, problems } = parseYamlDocuments(dedent(yaml));
  const doc = documents[0];
  if (doc === undefined || problems.length > 0) throw new Error(`bad rule YAML: ${problems.map((p) => p.message).join('; ')}`);
  const document = sigmaRuleSchema.parse(doc.value);
  const collector = new ProblemCollector(file, doc.lineOf);
  const section = parseDetectionSection(document.detection, ['detection'], collector);
  if (collector.hasProblems) throw new Error(collector.problems.map(formatProblem).join('\n'));
  return {
    file,
    documentIndex: 0,
    line: doc.startLine,
    document,
    logsource: document.logsource,
    detections: section.identifiers,
    conditions: section.conditions.map((c) => ({ text: c.text, ast: parseCondition(c.text), path: c.path })),
    lineOf: doc.lineOf,
  };
}

/** A rule with the given logsource and detection section (both given without indentation). */
export function ruleWith(detection: string, logsource = 'product: test', extra = ''): ParsedRule {
  const indent = (text: string): string =>
    dedent(text)
      .trimEnd()
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
  return parsedRule(`title: Test rule\nlogsource:\n${indent(logsource)}\ndetection:\n${indent(detection)}\n${extra}`);
}

/** Parses a pipeline; fails the test with its problems if it is invalid. */
export function pipeline(yaml: string, file = 'pipelines/test.yml'): ProcessingPipeline {
  const result = parsePipeline(dedent(yaml), file);
  if (result.pipeline === undefined) throw new Error(`pipeline is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.pipeline;
}

/** A plain-data picture of a rule, to compare before and after (Maps become entry lists). */
export function snapshot(rule: ParsedRule): unknown {
  return JSON.parse(JSON.stringify({ ...rule, detections: [...rule.detections] }));
}

/** Fields of every detection item, identifier by identifier, in document order. */
export function fieldsOf(rule: ParsedRule): Record<string, unknown> {
  const walk = (node: unknown): unknown => {
    const n = node as { kind: string; field?: string; children?: unknown[] };
    return n.kind === 'item' ? (n.field ?? null) : { [n.kind]: (n.children ?? []).map(walk) };
  };
  return Object.fromEntries([...rule.detections].map(([name, node]) => [name, walk(node)]));
}
