import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DetectionBundle } from './detection-bundle';
import { detectionBundleSchema } from './detection-bundle';

/** Where the build puts the bundle; `LOGWARDEN_DETECTIONS_BUNDLE` points elsewhere (the deployed package sets it). */
export const DEFAULT_BUNDLE_PATH = path.join('dist', 'detections.json');

/** Reads the detections bundle once, at cold start. A missing or malformed bundle stops the function with a clear error. */
export function readDetectionBundle(env: Readonly<Record<string, string | undefined>>): DetectionBundle {
  const file = env['LOGWARDEN_DETECTIONS_BUNDLE'] || DEFAULT_BUNDLE_PATH;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the detections bundle ${file} (run \`npm run build\`): ${(err as Error).message}`, { cause: err });
  }
  const parsed = detectionBundleSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a detections bundle: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
