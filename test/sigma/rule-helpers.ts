import type { CompiledRule, LoadOptions, RuleProblem } from '../../src/sigma';
import { compileRuleSources, RuleSet } from '../../src/sigma';

/** Factories for rule-engine tests: rules are written as YAML, exactly as authors write them. */

let counter = 0;

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .replace(/^\n+|\s+$/g, '')
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : pad + l))
    .join('\n');
}

/** Removes the common leading indentation of a template literal. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const width = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(width)).join('\n') + '\n';
}

/** A complete rule document around a detection section (given without indentation). */
export function ruleYaml(detection: string, extra = ''): string {
  counter++;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return `title: Test rule ${counter}\nid: ${id}\nlogsource:\n    product: test\ndetection:\n${indent(dedent(detection), 4)}\n${extra}`;
}

export function compileYaml(text: string, options: LoadOptions = {}, file = 'test-rule.yml'): { rules: readonly CompiledRule[]; problems: readonly RuleProblem[] } {
  const collection = compileRuleSources([{ file, text }], options);
  return { rules: collection.rules, problems: collection.problems };
}

/** Compiles one detection section; fails the test with the problems if it does not compile. */
export function compileDetection(detection: string, options: LoadOptions = {}): CompiledRule {
  const { rules, problems } = compileYaml(ruleYaml(detection), options);
  if (problems.length > 0 || rules.length !== 1) {
    throw new Error(`rule did not compile:\n${problems.map((p) => `${p.line}: ${p.field}: ${p.message}`).join('\n')}`);
  }
  return rules[0] as CompiledRule;
}

/** Problems reported for a detection section (empty when it compiles). */
export function detectionProblems(detection: string, options: LoadOptions = {}): readonly RuleProblem[] {
  return compileYaml(ruleYaml(detection), options).problems;
}

/** Whether the detection matches the event, evaluated through the indexed rule set. */
export function matches(detection: string | CompiledRule, event: unknown): boolean {
  const rule = typeof detection === 'string' ? compileDetection(detection) : detection;
  const viaIndex = new RuleSet([rule]).evaluate(event).length === 1;
  return viaIndex;
}
