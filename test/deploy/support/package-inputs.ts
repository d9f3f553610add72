import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The project root: everything `serverless package` reads is relative to it. */
export const PROJECT_ROOT = path.resolve(__dirname, '../../..');

/** The params the tests package with: two subscribed log groups and one trusted account. */
export const TEST_STAGE = 'ci';
export const TEST_REGION = 'eu-west-1';
export const TEST_LOG_GROUPS = ['/aws/lambda/orders-api', 'aws-cloudtrail-logs-o-example'] as const;
export const TEST_TRUSTED_ACCOUNT = '210987654321';
export const TEST_PARAMS = [`logGroups=${TEST_LOG_GROUPS.join(',')}`, `trustedAccounts=${TEST_TRUSTED_ACCOUNT}`] as const;

/** What the package is built from: a change to any of these packages again. */
const INPUTS = ['serverless.yml', 'deploy', 'scripts/deploy', 'functions', 'src', 'package-lock.json', 'dist/detections.json', 'detections/responses.yml'];

function filesUnder(relative: string): string[] {
  const absolute = path.join(PROJECT_ROOT, relative);
  if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) return [relative];
  return readdirSync(absolute, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(path.join(relative, entry.name)));
}

/** A hash of every input file's path and content, and of the params. */
export function packageInputsHash(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([TEST_STAGE, TEST_REGION, TEST_PARAMS]));
  for (const file of INPUTS.flatMap(filesUnder)) {
    hash.update(file);
    hash.update(readFileSync(path.join(PROJECT_ROOT, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
