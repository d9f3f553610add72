import { quoteSnippet } from '../../field-tree';

/** Every `Label: value` field of the text platform lines (A3). */
export const PLATFORM_LABELS = [
  'RequestId', 'Version', 'Duration', 'Billed Duration', 'Memory Size', 'Max Memory Used', 'Init Duration',
  'Restore Duration', 'Billed Restore Duration', 'XRAY TraceId', 'SegmentId', 'Sampled', 'Status', 'Error Type',
  'Runtime Version', 'Runtime Version ARN', 'Phase',
] as const;

export type PlatformLabel = (typeof PLATFORM_LABELS)[number];
export type LabelledFields = ReadonlyMap<PlatformLabel, string>;

/**
 * A3: fields are tab-separated (START's two are space-separated), REPORT may put its XRAY fields
 * on a new line, and values can carry a trailing space before the tab. So a label is found at any
 * whitespace boundary. The lookbehind consumes nothing, which keeps the scan linear on long
 * whitespace runs; longer labels come first so `Billed Duration` wins over `Duration`.
 */
const LABEL_PATTERN = new RegExp(
  `(?<=^|[\\t\\n\\r ])(${[...PLATFORM_LABELS].sort((a, b) => b.length - a.length).join('|')}):(?: |$)`,
  'g',
);

/** A field AWS may add later (Restore Duration was added this way): ignored when it has the `Label: value` shape. */
const UNKNOWN_FIELD = /^[A-Za-z][A-Za-z ]{0,40}:(?: |$)/;

/** Splits the body of a platform line (after its keyword) into its fields, or says why it cannot. */
export function scanLabelledFields(body: string, allowed: ReadonlySet<PlatformLabel>, line: string): LabelledFields | string {
  const fields = new Map<PlatformLabel, string>();
  let pending: PlatformLabel | undefined;
  let valueStart = 0;
  // matchAll works on a copy of the pattern, so the module-level RegExp keeps no state between calls.
  for (const match of body.matchAll(LABEL_PATTERN)) {
    const text = body.slice(valueStart, match.index);
    const problem = pending === undefined ? leadingTextProblem(text, line) : addField(fields, pending, text, allowed, line);
    if (problem !== undefined) return problem;
    pending = match[1] as PlatformLabel;
    valueStart = match.index + match[0].length;
  }
  if (pending === undefined) return `${line} line has no "Label: value" fields`;
  return addField(fields, pending, body.slice(valueStart), allowed, line) ?? fields;
}

function leadingTextProblem(text: string, line: string): string | undefined {
  return text.trim() === '' ? undefined : `${line} line has unexpected text ${quoteSnippet(text.trim())} before its first field`;
}

function addField(fields: Map<PlatformLabel, string>, label: PlatformLabel, raw: string, allowed: ReadonlySet<PlatformLabel>, line: string): string | undefined {
  if (!allowed.has(label)) return `${line} line has an unexpected ${label} field`;
  if (fields.has(label)) return `${line} line has the ${label} field twice`;
  // A tab or line break ends a value; whatever follows must be fields unknown to this parser.
  const cut = raw.search(/[\t\r\n]/);
  if (cut >= 0) {
    for (const piece of raw.slice(cut).split(/[\t\r\n]+/)) {
      const trimmed = piece.trim();
      if (trimmed !== '' && !UNKNOWN_FIELD.test(trimmed)) return `${line} ${label} is followed by unexpected text ${quoteSnippet(trimmed)}`;
    }
  }
  fields.set(label, (cut < 0 ? raw : raw.slice(0, cut)).trim());
  return undefined;
}
