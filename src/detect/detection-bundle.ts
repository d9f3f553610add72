import { z } from 'zod';
import { dedupPlanFor } from '../alerts/dedup';
import type { DedupPlan } from '../alerts/dedup';
import { compileRuleSources, formatProblem, parsePipeline, RuleSet, SigmaRuleError } from '../sigma';
import type { ProcessingPipeline, RuleCollection } from '../sigma';
import type { Detector } from './match-event';
import { checkRuleFields } from './check-rule-fields';

/**
 * The rules and pipelines of `detections/`, gathered at build time into one JSON file
 * (`npm run build`), so a cold start compiles them without walking directories.
 */
export const detectionBundleSchema = z.strictObject({
  version: z.literal(1),
  rules: z.array(z.strictObject({ file: z.string(), text: z.string() })),
  pipelines: z.array(z.strictObject({ file: z.string(), text: z.string() })),
});

export type DetectionBundle = z.infer<typeof detectionBundleSchema>;

/** Parses the pipelines and compiles the rules of a bundle; any problem is an error (a detector never runs half-loaded). */
export function compileBundle(bundle: DetectionBundle): { collection: RuleCollection; pipelines: ProcessingPipeline[] } {
  const problems = [];
  const pipelines: ProcessingPipeline[] = [];
  for (const source of bundle.pipelines) {
    const parsed = parsePipeline(source.text, source.file);
    problems.push(...parsed.problems);
    if (parsed.pipeline !== undefined) pipelines.push(parsed.pipeline);
  }
  const collection = compileRuleSources(bundle.rules, { pipelines });
  problems.push(...collection.problems);
  // The shipped detections must match real events: no foreign log sources, no unmapped fields.
  problems.push(...checkRuleFields(collection.rules, { rejectForeignLogsources: true }));
  if (problems.length > 0) throw new SigmaRuleError(problems);
  return { collection, pipelines };
}

export function detectorFromBundle(bundle: DetectionBundle): Detector {
  const { collection } = compileBundle(bundle);
  const plans = new Map<string, DedupPlan>(collection.rules.map((rule) => [rule.key, dedupPlanFor(rule.document.logwarden)]));
  return { ruleSet: new RuleSet(collection.rules), plans };
}

export function describeBundleProblems(err: unknown): string {
  return err instanceof SigmaRuleError ? err.problems.map(formatProblem).join('\n') : String(err);
}
