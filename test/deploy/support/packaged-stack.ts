import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT, TEST_PARAMS, TEST_REGION, TEST_STAGE, packageInputsHash } from './package-inputs';

const run = promisify(execFile);

export const TEMPLATE_FILE = 'cloudformation-template-update-stack.json';
const CACHE = path.join(PROJECT_ROOT, '.cache', 'serverless-package');
const LOCK = path.join(CACHE, 'lock');
const STALE_LOCK_MS = 10 * 60_000;

export interface PackagedStack {
  /** The folder `serverless package --package` wrote: the template and one zip per function. */
  readonly dir: string;
  readonly template: CfnTemplate;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Condition?: string;
  readonly DependsOn?: string | string[];
  readonly Metadata?: Record<string, unknown>;
}

export interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
  readonly Parameters?: Record<string, Record<string, unknown>>;
  readonly Conditions?: Record<string, unknown>;
  readonly Outputs?: Record<string, unknown>;
}

/**
 * Packages the service once per change of its inputs (serverless.yml, deploy/, the handlers and
 * src/, the lock file, the detections bundle, the responses routing): the result is cached under .cache/ by a hash of
 * them, so every test file of a run (and the next run) reuses it. A lock keeps two test workers
 * or two people's runs from packaging into the same Serverless work folder at once.
 */
export async function packagedStack(): Promise<PackagedStack> {
  await ensureBuilt();
  const dir = path.join(CACHE, packageInputsHash());
  if (!existsSync(path.join(dir, 'done'))) {
    await withLock(async () => {
      if (existsSync(path.join(dir, 'done'))) return;
      rmSync(dir, { recursive: true, force: true });
      await packageInto(dir);
      writeFileSync(path.join(dir, 'done'), new Date().toISOString());
      // Earlier packages (of inputs since changed) are 6 MB each: keep only this one.
      for (const entry of readdirSync(CACHE)) if (entry !== path.basename(dir) && entry !== path.basename(LOCK)) rmSync(path.join(CACHE, entry), { recursive: true, force: true });
    });
  }
  return { dir, template: JSON.parse(readFileSync(path.join(dir, TEMPLATE_FILE), 'utf8')) as CfnTemplate };
}

/** serverless.yml reads the detections bundle and the stack generator from dist/ (`npm run build`). */
async function ensureBuilt(): Promise<void> {
  const generator = path.join(PROJECT_ROOT, 'dist/scripts/deploy/serverless-variables.js');
  const bundle = path.join(PROJECT_ROOT, 'dist/detections.json');
  const sources = ['alarm', 'cloudformation', 'deploy-settings', 'pipeline-alarms', 'respond-permissions', 'serverless-variables', 'subscriptions'].map((name) => path.join(PROJECT_ROOT, 'scripts/deploy', `${name}.ts`));
  const builtAt = existsSync(generator) && existsSync(bundle) ? statSync(generator).mtimeMs : -1;
  if (sources.every((source) => existsSync(source) && statSync(source).mtimeMs <= builtAt)) return;
  await run('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 }).catch((error: unknown) => {
    throw new Error(`npm run build failed before packaging: ${String((error as { stderr?: string }).stderr ?? error)}`, { cause: error });
  });
}

async function packageInto(dir: string): Promise<void> {
  const args = ['node_modules/serverless/bin/serverless.js', 'package', '--stage', TEST_STAGE, '--region', TEST_REGION, '--package', dir, ...TEST_PARAMS.flatMap((param) => ['--param', param])];
  // Offline: placeholder credentials (packaging calls no AWS API), no telemetry or update checks.
  const env = {
    ...withoutAwsProfile(process.env),
    AWS_ACCESS_KEY_ID: 'AKIAPLACEHOLDER00000',
    AWS_SECRET_ACCESS_KEY: 'placeholder-secret-access-key',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    SLS_INTERACTIVE_SETUP_DISABLE: '1',
  };
  try {
    await run(process.execPath, args, { cwd: PROJECT_ROOT, env, timeout: 5 * 60_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`serverless package failed:\n${e.stdout ?? ''}\n${e.stderr ?? String(error)}`, { cause: error });
  }
}

function withoutAwsProfile(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { AWS_PROFILE: _profile, AWS_SESSION_TOKEN: _token, ...rest } = env;
  return rest;
}

async function withLock(work: () => Promise<void>): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${LOCK} is held for too long; remove it if no packaging is running`);
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
