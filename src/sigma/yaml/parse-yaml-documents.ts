import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Node } from 'yaml';
import type { DocPath } from '../problems';

/** One YAML document of a file: its plain value and a way back from a path to a source line. */
export interface YamlDocument {
  readonly value: unknown;
  /** 1-based line where the document starts. */
  readonly startLine: number;
  /** Line of the key (or list item) at `path`, else of the nearest ancestor that has one. */
  lineOf(path: DocPath): number | undefined;
}

export interface YamlSyntaxProblem {
  readonly line: number | undefined;
  readonly message: string;
}

export interface ParsedYamlFile {
  readonly documents: readonly YamlDocument[];
  readonly problems: readonly YamlSyntaxProblem[];
}

/**
 * Parses every document of a YAML file as YAML 1.2 (core schema: dates stay strings, `yes` is a
 * string), rejecting duplicate keys and bounding alias expansion (a "billion laughs" file fails).
 */
export function parseYamlDocuments(text: string): ParsedYamlFile {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, version: '1.2', prettyErrors: false });
  const documents: YamlDocument[] = [];
  const problems: YamlSyntaxProblem[] = [];
  const lineAt = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;

  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        problems.push({ line: lineAt(err.pos[0]), message: firstLine(err.message) });
      }
      continue;
    }
    if (doc.contents === null) continue; // an empty document between `---` separators
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      problems.push({ line: lineAt(doc.range[0]), message: `YAML could not be converted: ${String(err)}` });
      continue;
    }
    const startLine = lineAt(doc.contents.range?.[0]) ?? 1;
    const contents = doc.contents as Node;
    // Lines are only needed to report problems, which most documents have none of: index on first use.
    let lines: Map<string, number> | undefined;
    documents.push({
      value,
      startLine,
      lineOf: (path) => {
        if (lines === undefined) {
          lines = new Map();
          indexLines(contents, [], lines, lineAt);
        }
        for (let n = path.length; n >= 0; n--) {
          const line = lines.get(pathKey(path.slice(0, n)));
          if (line !== undefined) return line;
        }
        return startLine;
      },
    });
  }
  return { documents, problems };
}

function firstLine(message: string): string {
  // The yaml library appends a code excerpt after the first line; the line number is reported separately.
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

function pathKey(path: DocPath): string {
  return path.join('\u0000');
}

function indexLines(
  node: Node | null | undefined,
  path: DocPath,
  lines: Map<string, number>,
  lineAt: (offset: number | undefined) => number | undefined,
): void {
  if (node === null || node === undefined) return;
  // Iterative walk would be safer for deep documents, but YAML nesting in rule files is shallow and
  // the parser itself already bounds depth; recursion keeps this readable.
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyPath = [...path, key];
      const keyNode = pair.key as Node | null;
      const line = lineAt(keyNode?.range?.[0]);
      if (line !== undefined) lines.set(pathKey(keyPath), line);
      indexLines(pair.value as Node | null, keyPath, lines, lineAt);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemPath = [...path, index];
      const line = lineAt((item as Node | null)?.range?.[0]);
      if (line !== undefined) lines.set(pathKey(itemPath), line);
      indexLines(item as Node | null, itemPath, lines, lineAt);
    });
  }
}
