/**
 * Recursive-descent parser from PCRE-flavoured pattern text to the AST. Option changes follow
 * PCRE2: `(?i)` lasts to the end of the enclosing group (across later `|` branches too), and
 * options set by groups at the very start of the pattern become the regex's reported flags.
 */
import { Assertion, alternation, concat, type RegexNode } from './ast';
import { caseVariants } from './case-closure';
import { CharSet } from './char-set';
import { NOT_LINE_FEED } from './char-types';
import { parseCharClass } from './class-parser';
import { invalid } from './errors';
import { parseEscape } from './escape-parser';
import { applyFlagChange, publicFlags, type RegexFlags, type ScopedFlags } from './flags';
import { parseGroupOpening } from './group-parser';
import { PatternReader } from './pattern-reader';
import { isQuantifierAhead, parseQuantifier } from './quantifier';

/** PCRE2's default parenthesis nesting limit; it also bounds recursion in later passes. */
const MAX_NESTING = 250;

export interface ParsedPattern {
  readonly node: RegexNode;
  readonly flags: RegexFlags;
}

export function parsePattern(pattern: string, initial: RegexFlags): ParsedPattern {
  return new Parser(pattern, { ...initial, extended: false }).parse();
}

class Parser {
  private readonly reader: PatternReader;
  private captureCount = 0;
  private readonly groupNames = new Set<string>();
  private allowDuplicateNames = false;
  private leadingFlags: RegexFlags | undefined;

  constructor(
    pattern: string,
    private flags: ScopedFlags,
  ) {
    this.reader = new PatternReader(pattern);
  }

  parse(): ParsedPattern {
    const node = this.parseAlternation(0);
    if (!this.reader.atEnd) throw invalid('unmatched closing parenthesis', this.reader.pos);
    return { node, flags: this.leadingFlags ?? publicFlags(this.flags) };
  }

  /** Branches up to a `)` or the end; the caller restores options afterwards. */
  private parseAlternation(depth: number): RegexNode {
    const alternatives = [this.parseSequence(depth)];
    while (this.reader.eat('|')) alternatives.push(this.parseSequence(depth));
    return alternation(alternatives);
  }

  private parseSequence(depth: number): RegexNode {
    const items: RegexNode[] = [];
    let repeatable = false; // whether items' last element may take a quantifier
    for (;;) {
      this.skipExtendedSpace();
      const c = this.reader.peek();
      if (c === '' || c === '|' || c === ')') break;
      if (isQuantifierAhead(this.reader)) {
        const last = items.pop();
        if (!repeatable || last === undefined) throw invalid('quantifier does not follow a repeatable item', this.reader.pos);
        const { min, max, position } = parseQuantifier(this.reader);
        items.push({ kind: 'repeat', item: last, min, max, position });
        repeatable = false;
        continue;
      }
      const atom = this.parseAtom(depth);
      if (atom === undefined) continue; // comment or empty quote: transparent to quantifiers
      if (atom === 'flags') {
        repeatable = false;
        continue;
      }
      if (depth === 0 && this.leadingFlags === undefined) this.leadingFlags = publicFlags(this.flags);
      items.push(...atom.nodes);
      repeatable = atom.repeatable;
    }
    return concat(items);
  }

  /** One item; a quote `\Q…\E` yields several literals of which the last takes a quantifier. */
  private parseAtom(depth: number): { nodes: RegexNode[]; repeatable: boolean } | 'flags' | undefined {
    const reader = this.reader;
    const c = reader.peek();
    switch (c) {
      case '(':
        return this.parseGroup(depth);
      case '[':
        return this.one({ kind: 'set', set: parseCharClass(reader, this.flags.ignoreCase, this.captureCount) });
      case '.':
        reader.pos++;
        return this.one({ kind: 'set', set: this.flags.dotAll ? CharSet.ANY : NOT_LINE_FEED });
      case '^':
        reader.pos++;
        return this.assertion(this.flags.multiline ? Assertion.lineStart : Assertion.textStart);
      case '$':
        reader.pos++;
        return this.assertion(this.flags.multiline ? Assertion.lineEnd : Assertion.textEndBeforeFinalNewline);
      case '\\':
        return this.parseEscapeAtom();
      default:
        return this.one(this.literal(reader.nextCodePoint()));
    }
  }

  private parseGroup(depth: number): { nodes: RegexNode[]; repeatable: boolean } | 'flags' | undefined {
    const start = this.reader.pos;
    if (depth >= MAX_NESTING) throw invalid(`parentheses are too deeply nested (limit ${MAX_NESTING})`, start);
    const opening = parseGroupOpening(this.reader);
    if (opening.kind === 'comment') return undefined;
    if (opening.kind === 'set-flags') {
      this.applyChange(opening.change);
      return 'flags';
    }
    if (opening.kind === 'capture') this.declareCapture(opening.name, start);
    const saved = this.flags;
    if (opening.kind === 'scoped-flags') this.applyChange(opening.change);
    const body = this.parseAlternation(depth + 1);
    if (!this.reader.eat(')')) throw invalid('missing closing parenthesis', start);
    this.flags = saved;
    return this.one(body);
  }

  private parseEscapeAtom(): { nodes: RegexNode[]; repeatable: boolean } | undefined {
    const escape = parseEscape(this.reader, false, this.captureCount);
    switch (escape.kind) {
      case 'char':
        return this.one(this.literal(escape.codePoint));
      case 'set':
        return this.one({ kind: 'set', set: escape.set });
      case 'assertion':
        return this.assertion(escape.assertion);
      case 'quote-end':
        return undefined; // PCRE ignores a stray \E.
      case 'quote-start': {
        const end = this.reader.pattern.indexOf('\\E', this.reader.pos);
        const text = this.reader.pattern.slice(this.reader.pos, end < 0 ? undefined : end);
        this.reader.pos = end < 0 ? this.reader.pattern.length : end + 2;
        if (text === '') return undefined;
        return { nodes: Array.from(text, (ch) => this.literal(ch.codePointAt(0) ?? 0)), repeatable: true };
      }
    }
  }

  private literal(codePoint: number): RegexNode {
    const ignoreCase = this.flags.ignoreCase && caseVariants(codePoint).length > 1;
    return { kind: 'literal', codePoint, ignoreCase };
  }

  private one(node: RegexNode): { nodes: RegexNode[]; repeatable: boolean } {
    return { nodes: [node], repeatable: true };
  }

  private assertion(assertion: Assertion): { nodes: RegexNode[]; repeatable: boolean } {
    return { nodes: [{ kind: 'assertion', assertion }], repeatable: false };
  }

  private applyChange(change: Parameters<typeof applyFlagChange>[1]): void {
    this.flags = applyFlagChange(this.flags, change);
    if (change.on.includes('J')) this.allowDuplicateNames = true;
  }

  private declareCapture(name: string | undefined, start: number): void {
    this.captureCount++;
    if (name === undefined) return;
    if (this.groupNames.has(name) && !this.allowDuplicateNames) {
      throw invalid(`two named groups have the same name '${name}'`, start);
    }
    this.groupNames.add(name);
  }

  /** With (?x), white space and #-comments between items are ignored. */
  private skipExtendedSpace(): void {
    if (!this.flags.extended) return;
    for (;;) {
      this.reader.takeWhile(/[\t\n\v\f\r \u0085\u200e\u200f\u2028\u2029]/);
      if (this.reader.peek() !== '#') return;
      const newline = this.reader.pattern.indexOf('\n', this.reader.pos);
      this.reader.pos = newline < 0 ? this.reader.pattern.length : newline + 1;
    }
  }
}
