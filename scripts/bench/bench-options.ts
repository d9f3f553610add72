import { parseArgs } from 'node:util';

export interface BenchOptions {
  readonly rulePaths: readonly string[];
  readonly pipelineFiles: readonly string[];
  readonly eventsFile: string | undefined;
  readonly eventCount: number;
  readonly seed: number;
  readonly help: boolean;
}

export const DEFAULT_EVENT_COUNT = 20_000;
export const DEFAULT_SEED = 20251128;

export const USAGE = `usage: npm run bench:detect -- [--rules <dir|file>]… [--pipeline <file>]… [--events <file.ndjson>] [--count N] [--seed N]

Without --rules: synthetic events and rules, 100/500/2000/5000 rules, with an index check at 2000.
With --rules: benchmarks those rules on --events (NDJSON), or on events generated from the rules' fields.`;

export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

function positiveInteger(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new BenchUsageError(`${option} needs a positive integer, got '${value}'`);
  return n;
}

function readArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        rules: { type: 'string', multiple: true },
        pipeline: { type: 'string', multiple: true },
        events: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new BenchUsageError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}

export function parseBenchOptions(args: readonly string[]): BenchOptions {
  const values = readArgs(args);
  const rulePaths = values.rules ?? [];
  if (rulePaths.length === 0 && (values.pipeline !== undefined || values.events !== undefined)) {
    throw new BenchUsageError('--pipeline and --events apply to --rules runs only');
  }
  return {
    rulePaths,
    pipelineFiles: values.pipeline ?? [],
    eventsFile: values.events,
    eventCount: positiveInteger(values.count, '--count', DEFAULT_EVENT_COUNT),
    seed: positiveInteger(values.seed, '--seed', DEFAULT_SEED),
    help: values.help ?? false,
  };
}
