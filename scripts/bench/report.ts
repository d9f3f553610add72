import { cpus } from 'node:os';
import type { RuleSetStats } from '../../src/sigma';
import type { EvaluationFigures } from './measure';

/** One line of the final table. */
export interface BenchRow {
  readonly label: string;
  readonly rules: number;
  readonly compileMs: number | undefined;
  readonly heapMb: number | undefined;
  readonly stats: RuleSetStats | undefined;
  readonly figures: EvaluationFigures;
  /** Rules evaluated per event: index candidates, or every rule without the index. */
  readonly evaluatedPerEvent: number;
}

export type Print = (line: string) => void;

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatInt(n: number): string {
  return integer.format(n);
}

export function formatFixed(n: number, digits = 1): string {
  return n.toFixed(digits);
}

export function formatPercent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(2)}%`;
}

export function printEnvironment(print: Print): void {
  const cpu = cpus();
  print(`node ${process.version} on ${process.platform}/${process.arch}; CPU ${cpu[0]?.model.trim() ?? 'unknown'} (${cpu.length} logical cores, benchmark uses one thread)`);
}

export function printStats(print: Print, stats: RuleSetStats): void {
  print(
    `  index      ${formatInt(stats.indexedRules)} rules indexed by literals, ${formatInt(stats.fieldIndexed)} by a required field, ${formatInt(stats.alwaysEvaluated)} always evaluated (${formatPercent(stats.alwaysEvaluated, stats.rules)}), ` +
      `${formatInt(stats.literals)} literals, automaton ${formatInt(stats.automatonStates)} states / ${formatFixed(stats.automatonBytes / 1024 / 1024)} MB`,
  );
}

export function printFigures(print: Print, label: string, f: EvaluationFigures, evaluatedPerEvent: number, rules: number): void {
  print(
    `  ${label.padEnd(10)} ${formatInt(f.eventsPerSecond)} events/s, ${formatFixed(f.microsPerEvent)} µs/event; ` +
      `${formatInt(f.matches)} matches in ${formatInt(f.matchedEvents)} events (${formatPercent(f.matchedEvents, f.events)}); ` +
      `${formatFixed(evaluatedPerEvent)} rules evaluated/event (${formatPercent(evaluatedPerEvent, rules)})`,
  );
}

function cell(value: string, width: number): string {
  return value.padStart(width);
}

export function printTable(print: Print, rows: readonly BenchRow[]): void {
  const header = ['rules', 'compile ms', 'heap MB', 'indexed', 'always', 'literals', 'events/s', 'µs/event', 'matches', 'matched ev', 'evaluated/ev'];
  const lines = rows.map((r) => [
    r.label,
    r.compileMs === undefined ? '-' : formatInt(r.compileMs),
    r.heapMb === undefined ? '-' : formatFixed(r.heapMb),
    r.stats === undefined ? '-' : formatInt(r.stats.indexedRules),
    r.stats === undefined ? '-' : formatInt(r.stats.alwaysEvaluated),
    r.stats === undefined ? '-' : formatInt(r.stats.literals),
    formatInt(r.figures.eventsPerSecond),
    formatFixed(r.figures.microsPerEvent),
    formatInt(r.figures.matches),
    formatPercent(r.figures.matchedEvents, r.figures.events),
    formatFixed(r.evaluatedPerEvent),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const render = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : cell(c, widths[i] as number))).join('  ');
  print(render(header));
  print(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) print(render(line));
}
