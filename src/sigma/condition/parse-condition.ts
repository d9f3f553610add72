import type { ConditionNode } from './condition-ast';

/** A condition that does not parse; `column` is 1-based within the condition text. */
export class ConditionSyntaxError extends Error {
  override readonly name = 'ConditionSyntaxError';

  constructor(
    message: string,
    readonly column: number,
  ) {
    super(`${message} (at column ${column})`);
  }
}

interface Token {
  readonly kind: 'word' | '(' | ')' | 'end';
  readonly text: string;
  readonly column: number;
}

// Identifiers are letters, digits, `_` and `-`; identifier patterns add `*`.
const WORD_CHAR = /[A-Za-z0-9_*-]/;
const OPERATORS = new Set(['and', 'or', 'not', 'of']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, text: c, column: i + 1 });
      i++;
    } else if (WORD_CHAR.test(c)) {
      const start = i;
      while (i < text.length && WORD_CHAR.test(text[i] as string)) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i), column: start + 1 });
    } else if (c === '|') {
      throw new ConditionSyntaxError("aggregation pipes ('| count() …') are Sigma 1.0 syntax: write a correlation rule instead", i + 1);
    } else {
      throw new ConditionSyntaxError(`unexpected character '${c}'`, i + 1);
    }
  }
  tokens.push({ kind: 'end', text: '', column: text.length + 1 });
  return tokens;
}

/**
 * Parses a condition with the specification's precedence (loosest first): or, and, not,
 * `x of`, parentheses. Operators are lower case; a word that merely starts with one
 * (`notepad`, `order_by`) is an identifier.
 */
export function parseCondition(text: string): ConditionNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const next = (): Token => tokens[pos++] as Token;
  const isWord = (t: Token, w: string): boolean => t.kind === 'word' && t.text === w;

  const parseOr = (): ConditionNode => {
    const operands = [parseAnd()];
    while (isWord(peek(), 'or')) {
      next();
      operands.push(parseAnd());
    }
    return operands.length === 1 ? (operands[0] as ConditionNode) : { type: 'or', operands };
  };

  const parseAnd = (): ConditionNode => {
    const operands = [parseNot()];
    while (isWord(peek(), 'and')) {
      next();
      operands.push(parseNot());
    }
    return operands.length === 1 ? (operands[0] as ConditionNode) : { type: 'and', operands };
  };

  const parseNot = (): ConditionNode => {
    if (isWord(peek(), 'not')) {
      next();
      return { type: 'not', operand: parseNot() };
    }
    return parsePrimary();
  };

  const parsePrimary = (): ConditionNode => {
    const token = next();
    if (token.kind === '(') {
      const inner = parseOr();
      const close = next();
      if (close.kind !== ')') throw new ConditionSyntaxError(`expected ')' to close the '(' at column ${token.column}, found ${describe(close)}`, close.column);
      return inner;
    }
    if (token.kind !== 'word') throw new ConditionSyntaxError(`expected a search identifier, 'not', '(' or 'x of', found ${describe(token)}`, token.column);
    if (OPERATORS.has(token.text)) throw new ConditionSyntaxError(`expected a search identifier before '${token.text}'`, token.column);
    if (OPERATORS.has(token.text.toLowerCase())) {
      throw new ConditionSyntaxError(`operators are lower case: write '${token.text.toLowerCase()}', not '${token.text}'`, token.column);
    }
    if (isWord(peek(), 'of')) return parseQuantified(token);
    if (token.text.includes('*')) {
      throw new ConditionSyntaxError(`wildcard pattern '${token.text}' can only follow '1 of', 'any of' or 'all of'`, token.column);
    }
    return { type: 'identifier', name: token.text, column: token.column };
  };

  const parseQuantified = (quantifier: Token): ConditionNode => {
    if (quantifier.text !== '1' && quantifier.text !== 'any' && quantifier.text !== 'all') {
      throw new ConditionSyntaxError(`'${quantifier.text} of' is not a quantifier: use '1 of', 'any of' or 'all of'`, quantifier.column);
    }
    next(); // 'of'
    const pattern = next();
    if (pattern.kind !== 'word' || OPERATORS.has(pattern.text)) {
      throw new ConditionSyntaxError(`expected 'them' or a search identifier pattern after '${quantifier.text} of', found ${describe(pattern)}`, pattern.column);
    }
    return { type: 'quantified', quantifier: quantifier.text === 'all' ? 'all' : 'any', pattern: pattern.text, column: quantifier.column };
  };

  const ast = parseOr();
  const rest = peek();
  if (rest.kind !== 'end') {
    const hint = rest.kind === 'word' && OPERATORS.has(rest.text.toLowerCase()) && rest.text !== rest.text.toLowerCase() ? ' (operators are lower case)' : '';
    const missing = rest.kind === 'word' && !OPERATORS.has(rest.text.toLowerCase()) ? " (missing 'and' or 'or'?)" : '';
    throw new ConditionSyntaxError(`unexpected ${describe(rest)}${hint}${missing}`, rest.column);
  }
  return ast;
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'end of condition' : `'${token.text}'`;
}

/** Search identifiers a `x of pattern` selects: `them` is every identifier not starting with `_`. */
export function identifiersMatching(pattern: string, identifiers: Iterable<string>): string[] {
  const all = [...identifiers];
  if (pattern === 'them') return all.filter((id) => !id.startsWith('_'));
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
  // As in pySigma, identifiers starting with `_` are only selected by patterns that start with `_`.
  return all.filter((id) => regex.test(id) && (pattern.startsWith('_') || !id.startsWith('_')));
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|-]/g, (c) => `\\${c}`);
}

/** Reports identifiers a condition uses that are not defined, and patterns that select nothing. */
export function undefinedReferences(ast: ConditionNode, identifiers: readonly string[]): string[] {
  const messages: string[] = [];
  const walk = (node: ConditionNode): void => {
    switch (node.type) {
      case 'identifier':
        if (!identifiers.includes(node.name)) {
          messages.push(`condition references undefined search identifier '${node.name}' at column ${node.column} (defined: ${identifiers.join(', ') || 'none'})`);
        }
        break;
      case 'quantified':
        if (identifiersMatching(node.pattern, identifiers).length === 0) {
          messages.push(`'${node.quantifier === 'all' ? 'all' : '1'} of ${node.pattern}' at column ${node.column} matches no search identifier`);
        }
        break;
      case 'not':
        walk(node.operand);
        break;
      default:
        node.operands.forEach(walk);
    }
  };
  walk(ast);
  return messages;
}
