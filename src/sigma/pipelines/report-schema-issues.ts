import { z } from 'zod';
import type { DocPath, ProblemCollector } from '../problems';
import { reportZodIssues } from '../load/zod-problems';

/**
 * Reports zod issues as located problems. A union whose input fits one alternative's shape
 * (a list of conditions vs a map of them) reports that alternative's issues, with their exact
 * paths, instead of a bare "Invalid input".
 */
export function reportSchemaIssues(error: z.ZodError, base: DocPath, problems: ProblemCollector): void {
  reportZodIssues(new z.ZodError(flatten(error.issues, [])), base, problems);
}

function flatten(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const fitting = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (fitting.length === 1) return flatten(fitting[0] as z.core.$ZodIssue[], path);
    }
    return [{ ...issue, path }];
  });
}
