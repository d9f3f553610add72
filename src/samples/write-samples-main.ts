import { describeSample } from './describe-sample';
import { generateSampleDay, type SampleDay } from './generate-sample-day';
import { writeSampleFiles } from './write-sample-files';

const USAGE = 'usage: npm run samples:write -- [<dir>] [--seed <integer>] [--scale <number>]   (default dir: .local/samples)';

/** `npm run samples:write`: writes the sample files for people to read and to replay. Returns the exit status. */
export async function writeSamplesMain(args: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  let dir = '.local/samples';
  const options: { seed?: number; scale?: number } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--seed' || arg === '--scale') {
      const value = Number(args[++i]);
      if (!Number.isFinite(value)) {
        out(`${arg} needs a number\n${USAGE}`);
        return 2;
      }
      options[arg === '--seed' ? 'seed' : 'scale'] = value;
    } else if (arg.startsWith('-')) {
      out(USAGE);
      return arg === '--help' || arg === '-h' ? 0 : 2;
    } else {
      dir = arg;
    }
  }
  let sample: SampleDay;
  try {
    sample = generateSampleDay(options);
  } catch (err) {
    out(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const files = await writeSampleFiles(dir, sample);
  out(describeSample(sample));
  for (const file of files) out(`  ${dir}/${file.path}  (${file.logEvents} events, --format ${file.format}${file.logGroup === undefined ? '' : ` --log-group ${file.logGroup}`})`);
  return 0;
}

if (require.main === module) {
  void writeSamplesMain(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
