import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { alertDocumentSchema } from '../../../respond/alert-notice';
import type { AlertDocument } from '../../../respond/alert-notice';
import { loadResponsesConfig, ResponsesConfigError } from '../../../respond/config/load-responses';
import type { ResponsesConfig } from '../../../respond/config/responses-config';
import { lazyAwsClients } from '../../../respond/hooks/aws-clients';
import { createHooks } from '../../../respond/hooks/create-hooks';
import type { Hook } from '../../../respond/hooks/hook';
import { WEBHOOK_HEADERS } from '../../../respond/hooks/webhook-signature';
import { permissionsFor, proposeActions } from '../../../respond/plan-notice';
import type { CliIo } from '../../io';
import { EXIT } from '../../io';

export interface RespondTestOptions {
  readonly config: string;
  readonly route?: string;
  readonly json: boolean;
}

const inputSchema = z.union([
  z.strictObject({ kind: z.literal('alert'), version: z.literal(1), alert: z.record(z.string(), z.unknown()), event: z.record(z.string(), z.unknown()).optional(), retryFailed: z.boolean().optional() }),
  z.array(z.record(z.string(), z.unknown())),
  z.record(z.string(), z.unknown()),
]);

/** Loads routing and creates the hooks, reporting a bad file the way rules validate does. */
export async function loadRouting(file: string, io: CliIo): Promise<{ config: ResponsesConfig; hooks: ReadonlyMap<string, Hook> } | undefined> {
  try {
    const config = await loadResponsesConfig(file);
    // Hooks here only plan: no client is created, nothing is sent.
    return { config, hooks: createHooks(config, { env: {}, aws: lazyAwsClients('us-east-1') }) };
  } catch (err) {
    if (!(err instanceof ResponsesConfigError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return undefined;
  }
}

/**
 * `logwarden respond test <alert.json>`: the routes an alert takes and, per hook, the action id,
 * the mode, the target and exactly what would be sent — sending nothing. The input is an alert
 * document (as `logwarden alerts show` prints it), an array of them (`alerts --json`), or an
 * alert notice as the alerts stream carries it (with the unmasked event).
 */
export async function respondTest(file: string, options: RespondTestOptions, io: CliIo): Promise<number> {
  const routing = await loadRouting(options.config, io);
  if (routing === undefined) return EXIT.failed;
  if (options.route !== undefined && !routing.config.routes.some((r) => r.name === options.route)) {
    io.stderr.write(`no route '${options.route}' in ${options.config} (routes: ${routing.config.routes.map((r) => r.name).join(', ')})\n`);
    return EXIT.usage;
  }
  const parsed = inputSchema.safeParse(JSON.parse(file === '-' ? await readStdin(io) : await readFile(file, 'utf8')));
  if (!parsed.success) {
    io.stderr.write(`${file}: not an alert, an array of alerts or an alert notice\n`);
    return EXIT.usage;
  }
  const data = parsed.data;
  const inputs: { alert: Record<string, unknown>; event?: Record<string, unknown> | undefined }[] = Array.isArray(data)
    ? data.map((alert) => ({ alert }))
    : data['kind'] === 'alert' && typeof data['alert'] === 'object'
      ? [{ alert: data['alert'] as Record<string, unknown>, event: data['event'] as Record<string, unknown> | undefined }]
      : [{ alert: data }];
  const results = [];
  for (const [i, input] of inputs.entries()) {
    const alert = alertDocumentSchema.safeParse(input.alert);
    if (!alert.success) {
      io.stderr.write(`${file}${inputs.length > 1 ? ` [${i}]` : ''}: not an alert document: ${alert.error.issues[0]?.path.join('.')}: ${alert.error.issues[0]?.message}\n`);
      return EXIT.usage;
    }
    results.push({ alert: alert.data, actions: proposeActions(alert.data, input.event, routing.config, routing.hooks, options.route) });
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(results.map((r) => ({ alert: { id: r.alert.alert.id, rule: r.alert.rule.id }, actions: r.actions })), null, 2)}\n`);
    return EXIT.ok;
  }
  for (const r of results) io.stdout.write(describe(r.alert, r.actions));
  io.stdout.write('nothing was sent (respond test only plans)\n');
  return EXIT.ok;
}

function describe(alert: AlertDocument, actions: ReturnType<typeof proposeActions>): string {
  const lines = [`alert ${alert.alert.id}: ${alert.rule.level ?? '-'} ${alert.rule.title} (${alert.rule.id})`];
  if (actions.length === 0) lines.push('  no route takes this alert');
  for (const a of actions) {
    lines.push(`  route ${a.route} → hook ${a.hook} (${a.kind}), action ${a.actionId}`);
    lines.push(`    mode: ${a.mode === 'execute' ? 'would execute' : a.mode === 'dry-run' ? 'dry-run (recorded, not executed)' : 'awaits approval (logwarden respond approve <action>)'}`);
    if (a.error !== undefined) {
      lines.push(`    would fail before any call: ${a.error}`);
      continue;
    }
    lines.push(`    target: ${a.target ?? ''}`);
    const request = a.request ?? {};
    if (a.kind === 'webhook') {
      lines.push(`    POST ${String(request['url'])}`);
      for (const [k, v] of Object.entries((request['headers'] ?? {}) as Record<string, string>)) lines.push(`      ${k}: ${v}`);
      lines.push(`      ${WEBHOOK_HEADERS.timestamp}: <unix seconds at sending>`, `      ${WEBHOOK_HEADERS.signature}: v1=<HMAC-SHA256 of "<timestamp>.<body>">`);
      lines.push(`    body: ${truncate(String(request['body']), 600)}`);
    } else {
      for (const call of (request['calls'] ?? []) as { service: string; operation: string; input: unknown }[]) lines.push(`    ${call.service}:${call.operation} ${truncate(JSON.stringify(call.input), 600)}`);
    }
    for (const s of a.permissions) lines.push(`    needs ${s.Action.join(', ')} on ${s.Resource.join(', ')}${s.Condition === undefined ? '' : ` if ${JSON.stringify(s.Condition)}`}`);
  }
  return `${lines.join('\n')}\n`;
}

function truncate(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars)}… (${text.length} characters)` : text;
}

async function readStdin(io: CliIo): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  return text;
}

export async function respondPermissions(options: { config: string; json: boolean }, io: CliIo): Promise<number> {
  const routing = await loadRouting(options.config, io);
  if (routing === undefined) return EXIT.failed;
  const permissions = permissionsFor(routing.config, routing.hooks);
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ Version: '2012-10-17', Statement: permissions.flatMap((p) => p.statements.map((s) => ({ Sid: sidOf(p.hook), ...s }))) }, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const p of permissions) {
    io.stdout.write(`${p.hook}: ${p.statements.length === 0 ? 'no AWS permissions' : ''}\n`);
    for (const s of p.statements) io.stdout.write(`  ${s.Action.join(', ')} on ${s.Resource.join(', ')}${s.Condition === undefined ? '' : ` if ${JSON.stringify(s.Condition)}`}\n`);
  }
  return EXIT.ok;
}

function sidOf(hook: string): string {
  return `Hook${hook.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase())}`;
}
