/**
 * Build step: gathers `detections/` (rules and pipelines) into `dist/detections.json`, the bundle
 * the detect function compiles at cold start. Fails the build, with every problem listed, when a
 * rule or pipeline is invalid.
 *
 *   node dist/scripts/build-detections.js [detections-dir] [output-file]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compileBundle, describeBundleProblems } from '../src/detect/detection-bundle';
import { gatherBundle } from '../src/detect/gather-bundle';

async function main(): Promise<number> {
  const directory = process.argv[2] ?? 'detections';
  const output = process.argv[3] ?? path.join('dist', 'detections.json');
  const bundle = await gatherBundle(directory);
  try {
    const { collection, pipelines } = compileBundle(bundle);
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, JSON.stringify(bundle));
    console.log(`detections: ${collection.rules.length} rule(s) and ${pipelines.length} pipeline(s) from ${directory} → ${output}`);
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
