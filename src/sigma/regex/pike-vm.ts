/**
 * The uncached NFA simulation (Pike VM without captures): one set of threads advanced a
 * character at a time, O(program size) per character, never backtracking. The lazy DFA uses it
 * when its cache thrashes; it can also run whole inputs (tests compare the two).
 */
import { symbolOf } from './alphabet';
import { Context, type MatchStats, type NfaStepper } from './nfa-step';

/** Input symbol at a code point: `\n` as the last character is the special final-newline symbol. */
export function symbolAt(stepper: NfaStepper, input: string, index: number, cp: number): number {
  const alphabet = stepper.program.alphabet;
  if (cp < 0x80) return cp === 0x0a && index === input.length - 1 ? alphabet.finalLineFeed : (alphabet.ascii[cp] as number);
  return symbolOf(alphabet, cp);
}

/**
 * Searches `input` from `index`, given the threads waiting there and the context bits of the
 * character before it.
 */
export function simulateNfa(
  stepper: NfaStepper,
  input: string,
  index: number,
  threads: ArrayLike<number>,
  threadCount: number,
  context: number,
  stats: MatchStats | undefined,
): boolean {
  const alphabet = stepper.program.alphabet;
  const anchored = stepper.program.anchoredAtStart;
  const current = new Int32Array(stepper.out.length);
  for (let t = 0; t < threadCount; t++) current[t] = threads[t] as number;
  let count = threadCount;
  let i = index;
  while (i < input.length) {
    const cp = input.codePointAt(i) as number;
    const symbol = symbolAt(stepper, input, i, cp);
    if (stepper.step(current, count, context, symbol, stats, false)) return true;
    count = stepper.count;
    current.set(stepper.out.subarray(0, count));
    context = stepper.contextAfter(symbol);
    i += cp > 0xffff ? 2 : 1;
    if (anchored && count === 0) return false;
  }
  return stepper.step(current, count, context, alphabet.endOfInput, stats, false);
}

/** Runs a whole input through the NFA simulation alone. */
export function testWithNfa(stepper: NfaStepper, input: string, stats?: MatchStats): boolean {
  if (stats) stats.usedNfaSimulation = true;
  return simulateNfa(stepper, input, 0, [stepper.program.start], 1, Context.atStart, stats);
}
