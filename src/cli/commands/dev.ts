import { runDev } from '../../local-pipeline/run-dev';
import { findProjectRoot } from '../../services/project-paths';
import { DEFAULT_SAMPLE_SEED, describeSample, generateSampleDay } from '../../samples';
import type { CliIo } from '../io';
import { EXIT } from '../io';

export interface DevCliOptions {
  readonly once: boolean;
  readonly samples: boolean;
  readonly seed?: string;
}

/** `logwarden dev` (`npm start`): the local pipeline; see src/local-pipeline/run-dev.ts. */
export async function devCommand(options: DevCliOptions, io: CliIo): Promise<number> {
  const seed = options.seed === undefined ? DEFAULT_SAMPLE_SEED : Number(options.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    io.stderr.write('--seed must be a whole number from 0 to 4294967295\n');
    return EXIT.usage;
  }
  const interrupted = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const sample = generateSampleDay({ seed });
  return runDev(
    { once: options.once, samples: options.samples, projectRoot: findProjectRoot(), sample: () => sample.payloads, sampleDescription: describeSample(sample) },
    { out: (line) => io.stdout.write(`${line}\n`), err: (line) => io.stderr.write(`${line}\n`), interrupted },
  );
}
