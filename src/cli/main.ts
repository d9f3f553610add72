import { existsSync, statSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { NormalizeOptions } from './commands/normalize';
import { normalizeCommand } from './commands/normalize';
import type { AlertsListOptions } from './commands/alerts';
import { alertsList, alertsSetStatus, alertsShow } from './commands/alerts';
import { opensearchSetup } from './commands/opensearch-setup';
import type { DlqOptions } from './commands/dlq';
import { DLQ_STAGES, dlqCommand } from './commands/dlq';
import { rulesTest } from './commands/rules-test';
import { rulesValidate } from './commands/rules-validate';
import { scan } from './commands/scan';
import type { CliIo } from './io';
import { EXIT, processIo } from './io';
import { collect } from './load-cli-rules';
import { devCommand } from './commands/dev';
import type { ReplayOptions } from './commands/replay';
import { replayCommand } from './commands/replay';
import { withLocalEndpoints } from '../local-pipeline/local-endpoints';
import { registerRespondCommands } from './commands/respond/register';

interface NormalizeCliOptions {
  logGroup: string;
  logStream: string;
  account?: string;
  format: NormalizeOptions['format'];
  config?: string;
}

function toNormalizeOptions(opts: NormalizeCliOptions): NormalizeOptions {
  return withoutUndefined(opts) as NormalizeOptions;
}

/** Commander leaves absent options undefined; the option types are exact, so drop them. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('logwarden')
    .description('Logwarden: serverless SIEM pipeline for AWS with streaming Sigma detection')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();

  const rules = program.command('rules').description('validate and test Sigma rules');
  rules
    .command('validate')
    .description('validate Sigma rules, correlations and filters; exit 0 only when all are valid')
    .argument('<paths...>', 'rule files or directories')
    .option('--json', 'print one JSON object: {files, valid, invalid, errors: [{file, line, field, message}]}', false)
    .option('--pipeline <file>', 'processing pipeline to apply (repeatable; default: the pipelines/ folder of each directory given)', collect, [])
    .action(async (paths: string[], opts: { json: boolean; pipeline: string[] }) => setExit(await rulesValidate(paths, opts, io)));
  rules
    .command('test')
    .description('run the <rule>.tests.yml files beside rules; exit non-zero on any failure')
    .argument('[paths...]', 'rule files or directories (default: detections)')
    .option('--pipeline <file>', 'processing pipeline to apply (repeatable; default: the pipelines/ folder of each directory given)', collect, [])
    .option('--require-tests', 'fail when a rule file has no tests file, or a rule has no case that must match and one that must not', false)
    .option('--json', 'print the report as JSON', false)
    .action(async (paths: string[], opts: { pipeline: string[]; requireTests: boolean; json: boolean }) => setExit(await rulesTest(paths, opts, io)));

  program
    .command('normalize')
    .description('run the normalizer on log lines, NDJSON records or CloudWatch subscription payloads; prints one normalized event per line')
    .argument('[input]', 'file, or - for standard input (default)')
    .option('--log-group <name>', 'log group the lines come from (decides the parser)', '/aws/lambda/local-function')
    .option('--log-stream <name>', 'log stream the lines come from', 'local')
    .option('--account <id>', 'AWS account the lines come from (default 000000000000; for ndjson records, the account a record names)')
    .addOption(new Option('--format <format>', 'lines: one log message per line; ndjson: one JSON record per line; cwl: one subscription payload per line').choices(['lines', 'ndjson', 'cwl']).default('lines'))
    .option('--config <file>', 'normalize configuration (JSON: sources, accounts, vpcFlowFormats)')
    .action(async (input: string | undefined, opts: NormalizeCliOptions) => setExit(await normalizeCommand(input, toNormalizeOptions(opts), io)));

  program
    .command('opensearch')
    .description('OpenSearch administration')
    .command('setup')
    .description('install the index templates and create the alert indices (idempotent); uses OPENSEARCH_URL')
    .option('--json', 'print the report as JSON', false)
    .action(async (opts: { json: boolean }) => setExit(await opensearchSetup(io, withLocalEndpoints(process.env), { json: opts.json })));

  const alerts = program.command('alerts').description('alerts in OpenSearch: list, show, acknowledge, close');
  alerts
    .command('list', { isDefault: true })
    .description('list alerts, newest first (the default)')
    .option('--since <when>', 'last seen at or after: 30m, 24h, 7d, or a date')
    .option('--level <levels>', 'one level or several, comma separated (e.g. high,critical)')
    .option('--rule <id>', 'alerts of one rule')
    .option('--status <status>', 'open, acknowledged or closed')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print a JSON array of alert documents', false)
    .action(async (opts: AlertsListOptions) => setExit(await alertsList(withoutUndefined(opts), io, withLocalEndpoints(process.env))));
  alerts
    .command('show')
    .description('one alert with its event copy and its rule, as JSON')
    .argument('<id>', 'alert id')
    .action(async (id: string) => setExit(await alertsShow(id, io, withLocalEndpoints(process.env))));
  for (const [name, status] of [['ack', 'acknowledged'], ['close', 'closed'], ['reopen', 'open']] as const) {
    alerts
      .command(name)
      .description(`mark an alert ${status}, recording who and when`)
      .argument('<id>', 'alert id')
      .option('--note <text>', 'why')
      .option('--by <name>', 'who (default: LOGWARDEN_USER or the system user)')
      .action(async (id: string, opts: { note?: string; by?: string }) => setExit(await alertsSetStatus(id, status, withoutUndefined(opts), io, withLocalEndpoints(process.env))));
  }

  const dlq = program.command('dlq').description('dead letters: records a stage could not process, with the reason');
  for (const action of ['list', 'redrive'] as const) {
    dlq
      .command(action)
      .description(action === 'list' ? 'list dead letters' : 'send dead letters back into the pipeline after a fix; letters that still fail are kept')
      .addOption(new Option('--stage <stage>', 'only this stage').choices([...DLQ_STAGES]))
      .option('--dir <dir>', 'local dead-letter folder (default: LOGWARDEN_DLQ_DIR or .local/dead-letters)')
      .option('--queue-url <url>', 'the SQS dead-letter queue (default: LOGWARDEN_DLQ_URL)')
      .option('--dry-run', 'show what would be redriven', false)
      .option('--json', 'print JSON', false)
      .action(async (opts: DlqOptions) => setExit(await dlqCommand(action, withoutUndefined(opts), io)));
  }

  program
    .command('dev')
    .description('run the whole pipeline on this machine (what `npm start` runs): local services, every function, the bundled sample, an alert summary')
    .option('--once', 'exit after the sample replay instead of running until Ctrl-C', false)
    .option('--no-samples', 'do not replay the bundled sample')
    .option('--seed <n>', 'seed of the generated sample (default: the bundled sample)')
    .action(async (opts: { once: boolean; samples: boolean; seed?: string }) => setExit(await devCommand(withoutUndefined(opts), io)));

  program
    .command('replay')
    .description('feed log files into the local pipeline (through `forward`, onto the raw stream of kinesis-local)')
    .argument('<files...>', 'files to replay')
    .option('--log-group <name>', 'log group the lines or records come from (decides the log source)', '/aws/lambda/replayed-function')
    .addOption(new Option('--format <format>', 'lines: one log message per line; ndjson: one JSON record per line (e.g. CloudTrail); cwl: one subscription payload per line').choices(['lines', 'ndjson', 'cwl']).default('lines'))
    .option('--account <id>', 'AWS account the logs come from (default 000000000000; for ndjson records, the account they name)')
    .action(async (files: string[], opts: ReplayOptions) => setExit(await replayCommand(files, withoutUndefined(opts), io)));

  registerRespondCommands(program, io, setExit);

  program
    .command('scan')
    .description('evaluate Sigma rules over NDJSON events; prints one NDJSON line per match')
    .argument('[events]', 'NDJSON file, or - for standard input (default)')
    .requiredOption('--rules <paths...>', 'rule files or directories')
    .option('--pipeline <file>', 'processing pipeline to apply (repeatable; default: the pipelines/ folder of each directory given)', collect, [])
    .action(async (events: string | undefined, opts: { rules: string[]; pipeline: string[] }) => {
      const split = splitEventsFromRules(events, opts.rules);
      setExit(await scan(split.events, { ...opts, rules: split.rules }, io));
    });
  return program;
}

/**
 * `--rules` takes several paths, so in `scan --rules rules/ events.ndjson` the events file lands
 * among them: a trailing `-` or non-YAML file there is the events input.
 */
function splitEventsFromRules(events: string | undefined, rules: readonly string[]): { events: string | undefined; rules: string[] } {
  const last = rules[rules.length - 1];
  if (events !== undefined || rules.length < 2 || last === undefined) return { events, rules: [...rules] };
  const isEvents = last === '-' || (!/\.ya?ml$/i.test(last) && existsSync(last) && statSync(last).isFile());
  return isEvents ? { events: last, rules: rules.slice(0, -1) } : { events, rules: [...rules] };
}

/** Runs the `logwarden` command line; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (isNodeError(err) && (err.code === 'ENOENT' || err.code === 'EISDIR')) {
      io.stderr.write(`logwarden: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`logwarden: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.usage;
  }
  return code;
}

function isNodeError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && 'code' in err;
}
