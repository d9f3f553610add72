import { collectRuleFiles, formatProblem, loadRules, SigmaRuleError } from '../../sigma';
import type { RuleProblem } from '../../sigma';
import type { CliIo } from '../io';
import { EXIT } from '../io';
import { loadPipelines, pipelineFilesFor } from '../load-cli-rules';
import { checkRuleFields } from '../../detect/check-rule-fields';

export interface ValidateOptions {
  readonly json: boolean;
  readonly pipeline: readonly string[];
}

/** `logwarden rules validate <file|dir>… [--json]`: exit 0 only when every rule file is valid. */
export async function rulesValidate(paths: readonly string[], options: ValidateOptions, io: CliIo): Promise<number> {
  let problems: RuleProblem[] = [];
  let files: readonly string[] = [];
  let invalid = new Set<string>();
  try {
    const pipelines = await loadPipelines(await pipelineFilesFor(paths, options.pipeline));
    const collection = await loadRules(paths, { pipelines });
    // With pipelines (Logwarden's detections layout, or --pipeline), rules for Logwarden's log
    // sources are also checked against the normalized schema; plain Sigma validation otherwise.
    const fieldProblems = pipelines.length > 0 ? checkRuleFields(collection.rules, { rejectForeignLogsources: false }) : [];
    problems = [...collection.problems, ...fieldProblems];
    files = collection.files;
    invalid = new Set(problems.map((p) => p.file));
  } catch (err) {
    if (!(err instanceof SigmaRuleError)) throw err;
    problems = [...err.problems];
    files = await collectRuleFiles(paths);
    invalid = new Set(problems.map((p) => p.file));
  }
  const summary = { files: files.length, valid: files.length - [...invalid].filter((f) => files.includes(f)).length, invalid: invalid.size };
  if (options.json) {
    const errors = problems.map((p) => ({ file: p.file, line: p.line ?? null, field: p.field, message: p.message }));
    io.stdout.write(`${JSON.stringify({ ...summary, errors })}\n`);
  } else {
    for (const p of problems) io.stdout.write(`${formatProblem(p)}\n`);
    io.stdout.write(`${summary.files} file(s): ${summary.valid} valid, ${summary.invalid} invalid, ${problems.length} problem(s)\n`);
  }
  return problems.length === 0 ? EXIT.ok : EXIT.failed;
}
