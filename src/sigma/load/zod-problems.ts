import type { z } from 'zod';
import type { DocPath, ProblemCollector } from '../problems';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Reports every zod issue as a located problem, in words a rule author recognises. With the
 * validated `input`, a missing value is reported as "is required" whatever schema rejected it.
 */
export function reportZodIssues(error: z.ZodError, base: DocPath, problems: ProblemCollector, input?: unknown): void {
  for (const issue of error.issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const missing = input !== undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(input, issue.path) === undefined;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.add([...path, key], 'unknown field');
    } else if (missing || (issue.code === 'invalid_type' && issue.message.endsWith('received undefined'))) {
      problems.add(path, 'is required');
    } else if (issue.code === 'invalid_value' && 'values' in issue) {
      problems.add(path, `must be one of: ${issue.values.map(String).join(', ')}`);
    } else {
      problems.add(path, issue.message.replace(/^Invalid input: /, ''));
    }
  }
}
