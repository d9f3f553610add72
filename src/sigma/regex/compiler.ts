/**
 * AST → NFA program (Thompson construction). Counted repeats are expanded into copies, so the
 * size is checked on the AST first and an oversized pattern is refused before any allocation.
 */
import { Assertion, type RegexNode } from './ast';
import { buildAlphabet } from './alphabet';
import { caseVariants } from './case-closure';
import { CharSet } from './char-set';
import { invalid } from './errors';
import { MAX_PROGRAM_SIZE, Op, type Program } from './program';

export function compileProgram(root: RegexNode): Program {
  const size = programSize(root) + 1;
  if (size > MAX_PROGRAM_SIZE) throw tooLarge(size, 0);
  const emitter = new Emitter();
  emitter.emitNode(root);
  emitter.emit(Op.match, 0, 0);
  const { alphabet, membership } = buildAlphabet(emitter.sets);
  return {
    ops: Uint8Array.from(emitter.ops),
    arg: Int32Array.from(emitter.arg),
    next: Int32Array.from(emitter.next),
    start: 0,
    anchoredAtStart: isAnchoredAtStart(root),
    alphabet,
    membership,
  };
}

function tooLarge(size: number, position: number): Error {
  return invalid(
    `pattern is too large: it compiles to ${size} instructions after expanding counted repetitions, over the limit of ${MAX_PROGRAM_SIZE}`,
    position,
  );
}

/** Instructions emitted for `node` (exactly what Emitter produces). */
function programSize(node: RegexNode): number {
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'literal':
    case 'set':
    case 'assertion':
      return 1;
    case 'concat':
      return node.items.reduce((sum, item) => sum + programSize(item), 0);
    case 'alternation':
      return node.alternatives.reduce((sum, alt) => sum + programSize(alt), 0) + 2 * (node.alternatives.length - 1);
    case 'repeat': {
      const body = programSize(node.item);
      const size =
        node.max === Infinity
          ? node.min === 0
            ? body + 2
            : node.min * body + 1
          : node.min * body + (node.max - node.min) * (body + 1);
      if (size > MAX_PROGRAM_SIZE) throw tooLarge(size, node.position);
      return size;
    }
  }
}

function isAnchoredAtStart(node: RegexNode): boolean {
  switch (node.kind) {
    case 'assertion':
      return node.assertion === Assertion.textStart;
    case 'concat':
      return node.items.length > 0 && isAnchoredAtStart(node.items[0] as RegexNode);
    case 'alternation':
      return node.alternatives.every(isAnchoredAtStart);
    case 'repeat':
      return node.min > 0 && isAnchoredAtStart(node.item);
    default:
      return false;
  }
}

class Emitter {
  readonly ops: number[] = [];
  readonly arg: number[] = [];
  readonly next: number[] = [];
  readonly sets: CharSet[] = [];
  private readonly setIndex = new Map<string, number>();

  get pc(): number {
    return this.ops.length;
  }

  emit(op: Op, arg: number, next: number): number {
    this.ops.push(op);
    this.arg.push(arg);
    this.next.push(next);
    return this.ops.length - 1;
  }

  emitNode(node: RegexNode): void {
    switch (node.kind) {
      case 'empty':
        return;
      case 'literal':
        this.emitSet(node.ignoreCase ? CharSet.of(...caseVariants(node.codePoint)) : CharSet.of(node.codePoint));
        return;
      case 'set':
        this.emitSet(node.set);
        return;
      case 'assertion':
        this.emit(Op.assert, node.assertion, this.pc + 1);
        return;
      case 'concat':
        node.items.forEach((item) => this.emitNode(item));
        return;
      case 'alternation':
        this.emitAlternation(node.alternatives);
        return;
      case 'repeat':
        this.emitRepeat(node.item, node.min, node.max);
        return;
    }
  }

  private emitSet(set: CharSet): void {
    let index = this.setIndex.get(set.key);
    if (index === undefined) {
      index = this.sets.push(set) - 1;
      this.setIndex.set(set.key, index);
    }
    this.emit(Op.char, index, this.pc + 1);
  }

  private emitAlternation(alternatives: readonly RegexNode[]): void {
    const jumps: number[] = [];
    alternatives.forEach((alternative, i) => {
      if (i === alternatives.length - 1) {
        this.emitNode(alternative);
        return;
      }
      const split = this.emit(Op.split, this.pc + 1, -1);
      this.emitNode(alternative);
      jumps.push(this.emit(Op.jump, -1, 0));
      this.next[split] = this.pc;
    });
    for (const jump of jumps) this.arg[jump] = this.pc;
  }

  private emitRepeat(item: RegexNode, min: number, max: number): void {
    if (max === Infinity && min > 0) {
      // x{n,} is n-1 copies, then x+ as body + split back to the body.
      for (let i = 0; i < min - 1; i++) this.emitNode(item);
      const body = this.pc;
      this.emitNode(item);
      this.emit(Op.split, body, this.pc + 1);
      return;
    }
    for (let i = 0; i < min; i++) this.emitNode(item);
    if (max === Infinity) {
      const loop = this.emit(Op.split, this.pc + 1, -1);
      this.emitNode(item);
      this.emit(Op.jump, loop, 0);
      this.next[loop] = this.pc;
      return;
    }
    // x{0,k} as k nested optional copies that all skip to the same end.
    const skips: number[] = [];
    for (let i = min; i < max; i++) {
      skips.push(this.emit(Op.split, this.pc + 1, -1));
      this.emitNode(item);
    }
    for (const skip of skips) this.next[skip] = this.pc;
  }
}
