/**
 * Build step: gathers `detections/` (rules and pipelines) into `dist/detections.json`, the bundle
 * the detect function compiles at cold start. Fails the build, with every problem listed, when a
 * rule or pipeline is invalid.
 *
 *   node dist/scripts/build-detections.js [detections-dir] [output-file] [--rules <dir>]…
 *
 * `--rules` (or LOGWARDEN_EXTRA_RULES, directories separated by the path delimiter) adds rules
 * from other folders, e.g. a SigmaHQ checkout's rules/cloud/aws: `npm run build -- --rules …`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compileBundle, describeBundleProblems } from '../src/detect/detection-bundle';
import { gatherBundle } from '../src/detect/gather-bundle';
import { DEFAULT_BUNDLE_PATH } from '../src/detect/load-bundle';

function parseArgs(args: readonly string[]): { positional: string[]; extra: string[] } {
  const positional: string[] = [];
  const extra = (process.env['LOGWARDEN_EXTRA_RULES'] ?? '').split(path.delimiter).filter((d) => d !== '');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--rules') {
      const dir = args[++i];
      if (dir === undefined) throw new Error('--rules needs a directory');
      extra.push(dir);
    } else {
      positional.push(arg);
    }
  }
  return { positional, extra };
}

async function main(): Promise<number> {
  const { positional, extra } = parseArgs(process.argv.slice(2));
  const directory = positional[0] ?? 'detections';
  const output = positional[1] ?? DEFAULT_BUNDLE_PATH;
  const bundle = await gatherBundle(directory, extra);
  try {
    const { collection, pipelines } = compileBundle(bundle);
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, JSON.stringify(bundle));
    const from = [directory, ...extra].join(', ');
    console.log(`detections: ${collection.rules.length} rule(s) and ${pipelines.length} pipeline(s) from ${from} → ${output}`);
    return 0;
  } catch (err) {
    console.error(`detections in ${directory} are invalid:\n${describeBundleProblems(err)}`);
    return 1;
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(2);
});
