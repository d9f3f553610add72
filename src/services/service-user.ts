import type { Environment } from './env-variable';
import { findOnPath } from './executables';
import { lastLines, runCommand } from './run-command';
import type { ServiceReporter } from './service';

export function isRunningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Makes sure a system account exists to run a daemon that refuses root (OpenSearch does, with no
 * override): no home, no login shell, its own group.
 */
export async function ensureSystemUser(user: string, env: Environment, report: ServiceReporter): Promise<void> {
  if ((await runCommand('id', ['-u', user], { env: { ...env } })).exitCode === 0) return;
  const useradd = findInSystemPath('useradd', env);
  if (useradd === undefined) throw new Error(`running as root, the node must run as a system user, and useradd was not found to create ${user}: install it (Debian/Ubuntu: apt-get install passwd) or run as an ordinary user`);
  report(`creating system user ${user} to run it (it refuses to run as root)`);
  const result = await runCommand(useradd, ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', user], { env: { ...env } });
  if (result.exitCode !== 0) throw new Error(`useradd ${user} failed (exit ${result.exitCode ?? '?'}):\n${lastLines(result.output)}`);
}

/** Gives folders (recursively) to the user and its group. */
export async function chownTree(user: string, folders: readonly string[], env: Environment): Promise<void> {
  const result = await runCommand('chown', ['-R', `${user}:${user}`, ...folders], { env: { ...env } });
  if (result.exitCode !== 0) throw new Error(`chown -R ${user} ${folders.join(' ')} failed:\n${lastLines(result.output)}`);
}

/**
 * Checks, as the user, that it can run `executable` and write to `writable` folders: the user
 * needs search permission on every folder above them, which a checkout under /root lacks.
 */
export async function checkUserAccess(user: string, executable: string, writable: readonly string[], env: Environment): Promise<void> {
  const script = 'test -x "$1" || { echo "cannot execute $1"; exit 1; }; shift; for d; do test -w "$d" || { echo "cannot write to $d"; exit 1; }; done';
  const result = await runCommand(runuserCommand(env), ['-u', user, '--', '/bin/sh', '-c', script, 'check', executable, ...writable], { env: { ...env } });
  if (result.exitCode !== 0) {
    throw new Error(`user ${user} ${result.output.trim() || 'lacks access'}: every folder above the project must be searchable by other users (chmod o+x on each), or run as an ordinary user`);
  }
}

/** The command line prefix that runs a program as the user (util-linux runuser, root only). */
export function asUser(user: string, env: Environment): { command: string; prefix: readonly string[] } {
  return { command: runuserCommand(env), prefix: ['-u', user, '--'] };
}

function runuserCommand(env: Environment): string {
  const runuser = findInSystemPath('runuser', env);
  if (runuser === undefined) throw new Error('running as root, the node must run as a system user, and runuser (util-linux) was not found: install util-linux or run as an ordinary user');
  return runuser;
}

/** Administrative commands live in /usr/sbin, which an ordinary PATH may leave out. */
function findInSystemPath(name: string, env: Environment): string | undefined {
  return findOnPath(name, env) ?? findOnPath(name, { PATH: '/usr/sbin:/sbin' });
}
