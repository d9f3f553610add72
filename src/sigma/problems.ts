/** One thing wrong with a rule file, located precisely enough to fix it. */
export interface RuleProblem {
  readonly file: string;
  /** 1-based line in the file, when known. */
  readonly line: number | undefined;
  /** Dotted path of the offending field, e.g. `detection.selection.CommandLine|contains`. */
  readonly field: string;
  readonly message: string;
}

/** A path inside a YAML document: map keys and list indexes. */
export type DocPath = readonly (string | number)[];

/** Renders a document path the way rule authors read it: `detection.selection[2].Image|endswith`. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

export function formatProblem(problem: RuleProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field === '' ? '' : ` ${problem.field}:`;
  return `${where}:${field} ${problem.message}`;
}

/** Raised when rules cannot be loaded; carries every problem found, not just the first. */
export class SigmaRuleError extends Error {
  readonly problems: readonly RuleProblem[];

  constructor(problems: readonly RuleProblem[], options?: { cause?: unknown }) {
    const shown = problems.slice(0, 20).map(formatProblem).join('\n');
    const more = problems.length > 20 ? `\n… and ${problems.length - 20} more` : '';
    super(`${problems.length} problem(s) in Sigma rules:\n${shown}${more}`, options);
    this.name = 'SigmaRuleError';
    this.problems = problems;
  }
}

/**
 * Collects problems against one file and document, resolving document paths to lines.
 * Compilation steps report through it so that every problem of a rule is listed, not just the first.
 */
export class ProblemCollector {
  readonly problems: RuleProblem[] = [];

  constructor(
    readonly file: string,
    private readonly lineOf: (path: DocPath) => number | undefined,
  ) {}

  add(path: DocPath, message: string): void {
    this.problems.push({ file: this.file, line: this.lineOf(path), field: formatPath(path), message });
  }

  get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  line(path: DocPath): number | undefined {
    return this.lineOf(path);
  }
}
