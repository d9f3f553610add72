import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { ResponsesConfig } from './responses-config';
import { responsesConfigSchema } from './responses-config';

/** Where routing lives by default, beside the rules it routes. */
export const DEFAULT_RESPONSES_FILE = 'detections/responses.yml';

export interface ConfigProblem {
  readonly file: string;
  readonly line?: number;
  readonly path: string;
  readonly message: string;
}

export class ResponsesConfigError extends Error {
  override readonly name = 'ResponsesConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.path === '' ? '' : `${p.path}: `}${p.message}`).join('\n'));
  }
}

/** Parses and validates routing text; every problem names the line and the field. */
export function parseResponsesConfig(text: string, file: string): ResponsesConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ResponsesConfigError(doc.errors.map((e) => ({ file, ...(e.linePos === undefined ? {} : { line: e.linePos[0].line }), path: '', message: e.message.split('\n')[0] ?? e.message })));
  }
  const parsed = responsesConfigSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  throw new ResponsesConfigError(
    parsed.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const line = lineOf(doc, path, lineCounter);
      return { file, ...(line === undefined ? {} : { line }), path: path.join('.'), message: issue.message.replace(/^Invalid input: /, '') };
    }),
  );
}

export async function loadResponsesConfig(file: string = DEFAULT_RESPONSES_FILE): Promise<ResponsesConfig> {
  return parseResponsesConfig(await readFile(file, 'utf8'), file);
}

/** The line of the deepest node on the path that exists (a missing key is reported at its parent). */
function lineOf(doc: Document, path: readonly (string | number)[], lines: LineCounter): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range !== undefined && node.range !== null) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
