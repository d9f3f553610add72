/**
 * Required literals: strings of which every match contains at least one. The detection engine
 * can index rules by them (as rsigma does) and test() checks them with indexOf before running
 * the automaton. Each node yields the finite set of strings it matches exactly (when small) and
 * candidate required sets; concatenations multiply exact sets into longer strings, alternations
 * unite one candidate per branch, and the best candidate (longest shortest string, then fewest
 * strings) wins, where "long" saturates at six characters.
 */
import type { RegexNode } from './ast';
import { caseVariants } from './case-closure';
import { foldCodePoint } from '../text/case-fold';

/** Limits from the public contract: at most 16 strings, none shorter than 2 UTF-16 units. */
const MAX_LITERALS = 16;
const MIN_LITERAL_LENGTH = 2;
/** Classes up to this size are expanded into their members. */
const MAX_CLASS_EXPANSION = 4;

type Literals = readonly string[];

interface LiteralInfo {
  /** Every string the node can match, when finite and small. */
  readonly exact: Literals | undefined;
  /** Sets such that every match contains a member of each (all non-empty strings). */
  readonly candidates: readonly Literals[];
}

/**
 * `fold`: derive case-folded literals (the input will be folded before searching). Without it,
 * caseless parts contribute their case variants.
 */
export function requiredLiterals(root: RegexNode, fold: boolean): Literals | undefined {
  const info = analyze(root, fold);
  const best = bestByLength([...info.candidates, ...valid([info.exact])]);
  if (best === undefined || shortest(best) < MIN_LITERAL_LENGTH) return undefined;
  return best.filter((s) => !best.some((other) => other !== s && s.includes(other)));
}

/** The literal text when the whole pattern is a plain string (then test() is an indexOf). */
export function plainLiteral(root: RegexNode, fold: boolean): string | undefined {
  const items = root.kind === 'concat' ? root.items : [root];
  let text = '';
  for (const item of items) {
    if (item.kind !== 'literal') return undefined;
    // Folding the input is only right for characters that really are caseless here.
    if (fold ? !item.ignoreCase && caseVariants(item.codePoint).length > 1 : item.ignoreCase) return undefined;
    text += String.fromCodePoint(fold ? foldCodePoint(item.codePoint) : item.codePoint);
  }
  return text;
}

function analyze(node: RegexNode, fold: boolean): LiteralInfo {
  switch (node.kind) {
    case 'empty':
    case 'assertion':
      return { exact: [''], candidates: [] };
    case 'literal': {
      const cps = fold ? [foldCodePoint(node.codePoint)] : node.ignoreCase ? caseVariants(node.codePoint) : [node.codePoint];
      return characters(cps);
    }
    case 'set': {
      if (node.set.size > MAX_CLASS_EXPANSION) return { exact: undefined, candidates: [] };
      const cps = node.set.codePoints();
      return characters(fold ? cps.map(foldCodePoint) : cps);
    }
    case 'concat':
      return analyzeConcat(node.items, fold);
    case 'alternation': {
      const infos = node.alternatives.map((alt) => analyze(alt, fold));
      const options = infos.map((info) => [...info.candidates, ...valid([info.exact])]);
      const candidates = options.every((o) => o.length > 0)
        ? valid([union(options.map((o) => bestByLength(o))), union(options.map((o) => fewest(o)))])
        : [];
      return { exact: union(infos.map((info) => info.exact)), candidates };
    }
    case 'repeat': {
      const item = analyze(node.item, fold);
      if (node.min === 0) {
        return { exact: node.max === 1 && item.exact ? union([item.exact, ['']]) : undefined, candidates: [] };
      }
      let copies: Literals | undefined = [''];
      for (let i = 0; i < node.min && copies; i++) copies = product(copies, item.exact);
      return { exact: node.min === node.max ? copies : undefined, candidates: prune([...item.candidates, ...valid([copies, item.exact])]) };
    }
  }
}

function analyzeConcat(items: readonly RegexNode[], fold: boolean): LiteralInfo {
  const candidates: (Literals | undefined)[] = [];
  let run: Literals = ['']; // cross product of the exact sets seen since the last break
  let text = ''; // the adjacent single-string items, which can outlast `run`
  let complete = true;
  for (const item of items) {
    const info = analyze(item, fold);
    candidates.push(...info.candidates);
    if (info.exact?.length === 1) {
      text += info.exact[0];
    } else {
      candidates.push([text]);
      text = '';
    }
    const joined = product(run, info.exact);
    if (joined) {
      run = joined;
      continue;
    }
    complete = false;
    candidates.push(run);
    run = info.exact && info.exact.length <= MAX_LITERALS ? info.exact : [''];
  }
  candidates.push(run, [text]);
  return { exact: complete ? run : undefined, candidates: prune(valid(candidates)) };
}

function characters(codePoints: readonly number[]): LiteralInfo {
  const exact = [...new Set(codePoints.map((cp) => String.fromCodePoint(cp)))];
  return { exact, candidates: valid([exact]) };
}

function product(left: Literals, right: Literals | undefined): Literals | undefined {
  if (right === undefined || left.length * right.length > MAX_LITERALS) return undefined;
  return [...new Set(left.flatMap((l) => right.map((r) => l + r)))];
}

function union(sets: readonly (Literals | undefined)[]): Literals | undefined {
  const out = new Set<string>();
  for (const set of sets) {
    if (set === undefined) return undefined;
    set.forEach((s) => out.add(s));
  }
  return out.size <= MAX_LITERALS ? [...out] : undefined;
}

function shortest(set: Literals): number {
  return Math.min(...set.map((s) => s.length));
}

/** Usable candidates: non-empty, not too many strings, no empty string. */
function valid(sets: readonly (Literals | undefined)[]): Literals[] {
  return sets.filter((s): s is Literals => s !== undefined && s.length > 0 && s.length <= MAX_LITERALS && shortest(s) > 0);
}

/** Past this length a literal is selective enough that fewer strings matter more. */
const LONG_ENOUGH = 6;

function bestByLength(sets: readonly Literals[]): Literals | undefined {
  let best: Literals | undefined;
  for (const set of sets) {
    if (!best) {
      best = set;
      continue;
    }
    const [a, b] = [Math.min(shortest(set), LONG_ENOUGH), Math.min(shortest(best), LONG_ENOUGH)];
    if (a > b || (a === b && (set.length < best.length || (set.length === best.length && shortest(set) > shortest(best))))) {
      best = set;
    }
  }
  return best;
}

/** The candidate with the fewest strings that is still long enough, for unions across branches. */
function fewest(sets: readonly Literals[]): Literals | undefined {
  const long = sets.filter((s) => shortest(s) >= MIN_LITERAL_LENGTH);
  let best: Literals | undefined;
  for (const set of long.length > 0 ? long : sets) {
    if (!best || set.length < best.length || (set.length === best.length && shortest(set) > shortest(best))) best = set;
  }
  return best;
}

/** Keeps the candidates worth combining further: the longest and the fewest. */
function prune(sets: readonly Literals[]): Literals[] {
  return [...new Set([bestByLength(sets), fewest(sets)])].filter((s): s is Literals => s !== undefined);
}
