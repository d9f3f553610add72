import type { EventView, ResolvedField } from '../events/event-view';
import { compileFieldAccessor } from '../events/field-path';
import type { DetectionItem, DetectionNode } from '../detection/detection-node';
import type { FieldMatcher } from '../matchers/value-matcher';
import { compileValueMatcher, regexOf } from '../matchers/value-matcher';
import type { ListShape } from '../matchers/value-lists';
import { compileAffixMatcher, compileContainsAnyMatcher, compileExactSetMatcher, listShape } from '../matchers/value-lists';
import type { ItemState, ModifierContext } from '../modifiers/modifier';
import { ModifierError } from '../modifiers/modifier';
import { MODIFIERS } from '../modifiers/registry';
import { containsModifier } from '../modifiers/string-position';
import type { ProblemCollector } from '../problems';
import { RegexSyntaxError } from '../regex';
import { literalString, parseSigmaString } from '../values/sigma-string';
import type { PlainValue, SigmaValue } from '../values/sigma-value';
import type { CompiledNode, Predicate } from './compiled-node';
import type { Requirement } from './requirement';
import { allOf, anyOf, NO_REQUIREMENT, valueRequirement, withField } from './requirement';

export interface DetectionCompileContext {
  readonly problems: ProblemCollector;
  readonly placeholders: ReadonlyMap<string, readonly PlainValue[]>;
}

/** Modifiers that decide where a keyword may occur; without one, keywords match anywhere (substring). */
const POSITIONING_MODIFIERS: ReadonlySet<string> = new Set([
  'contains', 'startswith', 'endswith', 're', 'cidr', 'exists', 'fieldref', 'lt', 'lte', 'gt', 'gte',
  'minute', 'hour', 'day', 'week', 'month', 'year',
]);

/** Compiles a search identifier's tree; returns undefined (with problems reported) when it cannot be compiled. */
export function compileDetectionNode(node: DetectionNode, ctx: DetectionCompileContext): CompiledNode | undefined {
  if (node.kind === 'item') return compileItem(node, ctx);
  const children = node.children.map((c) => compileDetectionNode(c, ctx));
  if (children.some((c) => c === undefined)) return undefined;
  return combine(node.kind, children as CompiledNode[]);
}

export function combine(kind: 'and' | 'or', children: readonly CompiledNode[]): CompiledNode {
  if (children.length === 1) return children[0] as CompiledNode;
  const tests = children.map((c) => c.test);
  const test: Predicate =
    kind === 'and'
      ? (view) => {
          for (let i = 0; i < tests.length; i++) if (!(tests[i] as Predicate)(view)) return false;
          return true;
        }
      : (view) => {
          for (let i = 0; i < tests.length; i++) if ((tests[i] as Predicate)(view)) return true;
          return false;
        };
  const requirements = children.map((c) => c.requirement);
  return { test, requirement: kind === 'and' ? allOf(requirements) : anyOf(requirements) };
}

function initialValue(value: PlainValue, raw: boolean): SigmaValue {
  if (value === null) return { type: 'null' };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'number') return { type: 'number', value };
  // `re` takes its value verbatim; everything else reads wildcards and escapes.
  return { type: 'string', value: raw ? literalString(value) : parseSigmaString(value), cased: false, bytes: false };
}

function applyModifiers(item: DetectionItem, ctx: DetectionCompileContext): ItemState {
  const raw = item.modifiers[0] === 're';
  let state: ItemState = { values: item.values.map((v) => initialValue(v, raw)), linking: 'or', negated: false };
  const applied: string[] = [];
  for (const name of item.modifiers) {
    const modifier = MODIFIERS.get(name);
    if (modifier === undefined) throw new ModifierError(`unknown modifier '${name}'`);
    const mctx: ModifierContext = { field: item.field, applied, placeholders: ctx.placeholders };
    state = modifier.apply(state, mctx);
    applied.push(name);
  }
  if (item.field === undefined && !item.modifiers.some((m) => POSITIONING_MODIFIERS.has(m))) {
    const asText = state.values.map((v): SigmaValue => (v.type === 'boolean' ? { type: 'string', value: literalString(String(v.value)), cased: false, bytes: false } : v));
    state = containsModifier.apply({ ...state, values: asText }, { field: undefined, applied, placeholders: ctx.placeholders });
  }
  return state;
}

/** Below this many values of one shape, separate matchers are as fast as a combined one. */
const LIST_THRESHOLD = 3;

function compileMatchers(values: readonly SigmaValue[], linking: 'or' | 'and'): FieldMatcher[] {
  if (linking === 'and') return values.map(compileValueMatcher);
  const byShape = new Map<ListShape, { value: SigmaValue; text: string }[]>();
  const others: FieldMatcher[] = [];
  for (const value of values) {
    const shaped = listShape(value);
    if (shaped === undefined) {
      others.push(compileValueMatcher(value));
      continue;
    }
    let group = byShape.get(shaped.shape);
    if (group === undefined) byShape.set(shaped.shape, (group = []));
    group.push({ value, text: shaped.text });
  }
  const combined: FieldMatcher[] = [];
  for (const [shape, group] of byShape) {
    const texts = group.map((g) => g.text);
    if (shape === 'exact' && group.length > 1) combined.push(compileExactSetMatcher(texts));
    else if (group.length < LIST_THRESHOLD) combined.push(...group.map((g) => compileValueMatcher(g.value)));
    else if (shape === 'contains') combined.push(compileContainsAnyMatcher(texts));
    else if (shape === 'prefix' || shape === 'suffix') combined.push(compileAffixMatcher(texts, shape));
    else combined.push(...group.map((g) => compileValueMatcher(g.value)));
  }
  return [...combined, ...others];
}

function regexLiterals(value: Extract<SigmaValue, { type: 'regex' }>): readonly string[] | undefined {
  return regexOf(value).requiredLiterals;
}

function compileItem(item: DetectionItem, ctx: DetectionCompileContext): CompiledNode | undefined {
  let state: ItemState;
  let matchers: FieldMatcher[];
  try {
    state = applyModifiers(item, ctx);
    matchers = compileMatchers(state.values, state.linking);
  } catch (err) {
    if (err instanceof ModifierError || err instanceof RegexSyntaxError) {
      ctx.problems.add(item.path, err.message);
      return undefined;
    }
    throw err;
  }
  const field = item.field;
  let resolve: (view: EventView) => ResolvedField;
  if (field === undefined) {
    resolve = (view) => view.keywords();
  } else {
    const accessor = compileFieldAccessor(field);
    resolve = (view) => view.field(field, accessor);
  }
  const test = itemTest(resolve, matchers, state.linking);
  if (state.negated) return { test: (view) => !test(view), requirement: NO_REQUIREMENT };
  const valueReqs = state.values.map((v) => valueRequirement(v, regexLiterals));
  const values: Requirement = state.linking === 'and' ? allOf(valueReqs) : anyOf(valueReqs);
  // Every matcher but `null` and `exists: false` fails on a missing field, so the field is required.
  const needsField = field !== undefined && state.values.every((v) => v.type !== 'null' && !(v.type === 'exists' && !v.value));
  return { test, requirement: needsField ? withField(values, field) : values };
}

function itemTest(resolve: (view: EventView) => ResolvedField, matchers: readonly FieldMatcher[], linking: 'or' | 'and'): Predicate {
  if (matchers.length === 1) {
    const only = matchers[0] as FieldMatcher;
    return (view) => only(resolve(view), view);
  }
  if (linking === 'and') {
    return (view) => {
      const field = resolve(view);
      for (let i = 0; i < matchers.length; i++) if (!(matchers[i] as FieldMatcher)(field, view)) return false;
      return true;
    };
  }
  return (view) => {
    const field = resolve(view);
    for (let i = 0; i < matchers.length; i++) if ((matchers[i] as FieldMatcher)(field, view)) return true;
    return false;
  };
}
