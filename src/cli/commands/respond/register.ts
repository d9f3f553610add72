import type { Command } from 'commander';
import { DEFAULT_RESPONSES_FILE } from '../../../respond/config/load-responses';
import type { CliIo } from '../../io';
import { respondDecide } from './respond-decide';
import { respondCliEnv } from './respond-env';
import type { RespondLogOptions } from './respond-log';
import { respondLog } from './respond-log';
import { respondPermissions, respondTest } from './respond-test';

/** `logwarden respond …`: try routing on an alert, decide on actions awaiting approval, read the log. */
export function registerRespondCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const respond = program.command('respond').description('remediation hooks: test routing on an alert, approve or reject actions, list recorded actions');
  respond
    .command('test')
    .description('show which routes and hooks would run for an alert and exactly what they would send; sends nothing')
    .argument('<alert>', 'alert JSON file (`logwarden alerts show <id>`, `alerts --json`, or an alert notice), or - for standard input')
    .option('--route <name>', 'only this route')
    .option('--config <file>', 'routing file', DEFAULT_RESPONSES_FILE)
    .option('--json', 'print the proposed actions as JSON', false)
    .action(async (file: string, opts: { route?: string; config: string; json: boolean }) => setExit(await respondTest(file, { config: opts.config, json: opts.json, ...(opts.route === undefined ? {} : { route: opts.route }) }, io)));
  for (const [name, decision] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    respond
      .command(name)
      .description(name === 'approve' ? 'approve an action awaiting approval; the respond function then runs it' : 'reject an action awaiting approval; it never runs')
      .argument('<action-id>', 'the action id (act_…), from `logwarden respond log --outcome awaiting-approval`')
      .option('--by <name>', 'who decides (default: LOGWARDEN_USER or the system user)')
      .action(async (id: string, opts: { by?: string }) => setExit(await respondDecide(id, decision, opts.by === undefined ? {} : { by: opts.by }, io, respondCliEnv(process.env))));
  }
  respond
    .command('log')
    .description('recorded actions (done, failed, dry-run, awaiting approval, suppressed, …), newest first')
    .option('--since <when>', 'recorded at or after: 30m, 24h, 7d, or a date')
    .option('--outcome <outcome>', 'only this outcome (e.g. awaiting-approval)')
    .option('--alert <id>', 'only actions on this alert')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print a JSON array of audit documents', false)
    .action(async (opts: RespondLogOptions) => setExit(await respondLog(Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as unknown as RespondLogOptions, io, respondCliEnv(process.env))));
  respond
    .command('permissions')
    .description('the IAM statements the respond function needs for the hooks that routing uses')
    .option('--config <file>', 'routing file', DEFAULT_RESPONSES_FILE)
    .option('--json', 'print an IAM policy document', false)
    .action(async (opts: { config: string; json: boolean }) => setExit(await respondPermissions(opts, io)));
}
