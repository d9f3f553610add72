import { userInfo } from 'node:os';
import { createKinesisClient } from '../../../kinesis/client';
import { putRecords } from '../../../kinesis/put-records';
import { createOpenSearchClient, indexNamesFor, readOpenSearchConfig, setupOpenSearch } from '../../../opensearch';
import { ACTION_ID_PATTERN } from '../../../respond/actions/action-id';
import type { ActionRecord } from '../../../respond/actions/action-record';
import { createDynamoDbClient } from '../../../respond/actions/dynamodb-client';
import { dynamoDbActionStore } from '../../../respond/actions/dynamodb-action-store';
import { encodeNotice } from '../../../respond/alert-notice';
import { ALERTS_STREAM_ENV, alertsStreamFrom, DEFAULT_ALERTS_STREAM } from '../../../respond/alerts-stream';
import { openSearchOutcomeRecorder } from '../../../respond/audit/opensearch-outcome-recorder';
import { readRespondSettings } from '../../../respond/respond-settings';
import type { CliIo } from '../../io';
import { EXIT } from '../../io';

export interface DecideOptions {
  readonly by?: string;
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * `logwarden respond approve|reject <action-id>`: the decision is a conditional write on the
 * action (only an action awaiting approval can be decided, and only once). An approval then puts
 * an `approved` notice on the alerts stream: the respond function, which alone holds the hooks'
 * permissions, executes the stored plan (the approver needs none of them). Both decisions are
 * recorded on the alert and in the audit index.
 */
export async function respondDecide(actionId: string, decision: 'approved' | 'rejected', options: DecideOptions, io: CliIo, env: Environment): Promise<number> {
  if (!ACTION_ID_PATTERN.test(actionId)) {
    io.stderr.write(`'${actionId}' is not an action id (act_ and 32 characters; see \`logwarden respond log\`)\n`);
    return EXIT.usage;
  }
  const settings = readRespondSettings(env);
  const dynamo = createDynamoDbClient({ ...(settings.dynamoDbEndpoint === undefined ? {} : { endpoint: settings.dynamoDbEndpoint }), ...(env['AWS_REGION'] === undefined ? {} : { region: env['AWS_REGION'] }), env });
  const store = dynamoDbActionStore(dynamo, settings.table);
  const by = options.by ?? env['LOGWARDEN_USER'] ?? userInfo().username;
  try {
    const now = new Date();
    let record = await store.decide(actionId, decision, by, now);
    if (record === undefined) {
      const current = await store.get(actionId);
      if (current === undefined) {
        io.stderr.write(`no action ${actionId} in table ${settings.table}\n`);
        return EXIT.failed;
      }
      // Approving twice re-sends the notice (the first one may have been lost); nothing else is redone.
      if (!(decision === 'approved' && current.state === 'approved')) {
        io.stderr.write(`action ${actionId} is ${current.state}${current.decidedBy === undefined ? '' : ` (decided by ${current.decidedBy})`}: only an action awaiting approval can be ${decision}\n`);
        return EXIT.failed;
      }
      record = current;
    }
    await recordDecision(record, decision, by, now, env, io);
    if (decision === 'rejected') {
      io.stdout.write(`rejected ${actionId} (${record.hook} on ${record.target}); it will not run\n`);
      return EXIT.ok;
    }
    const stream = alertsStreamFrom(env) ?? DEFAULT_ALERTS_STREAM;
    const kinesis = createKinesisClient({ ...(env['KINESIS_ENDPOINT'] === undefined ? {} : { endpoint: env['KINESIS_ENDPOINT'] }), env });
    try {
      const data = encodeNotice({ kind: 'approved', version: 1, actionId, by });
      const result = await putRecords(kinesis, stream, [{ data, partitionKey: record.alertId.slice(0, 256) }]);
      if (result.writtenCount !== 1) throw new Error(`the ${stream} stream did not take the notice`);
    } catch (err) {
      io.stderr.write(`approved ${actionId}, but the notice could not be put on ${stream} (${ALERTS_STREAM_ENV}): ${(err as Error).message}; run the approval again to resend it\n`);
      return EXIT.failed;
    } finally {
      kinesis.destroy();
    }
    io.stdout.write(`approved ${actionId} (${record.hook} on ${record.target}); the respond function runs it from ${stream}\n`);
    return EXIT.ok;
  } finally {
    dynamo.destroy();
  }
}

async function recordDecision(record: ActionRecord, decision: 'approved' | 'rejected', by: string, at: Date, env: Environment, io: CliIo): Promise<void> {
  try {
    const config = readOpenSearchConfig(env);
    const client = createOpenSearchClient(config, { warn: (m) => io.stderr.write(`warning: ${m}\n`) });
    try {
      const names = indexNamesFor(config.indexPrefix);
      await setupOpenSearch(client, { names, replicas: config.replicas });
      const recorder = openSearchOutcomeRecorder({ client, alertsIndex: names.alerts, responsesIndex: names.responses, refresh: 'wait_for' });
      await recorder.record([{ actionId: record.actionId, alertId: record.alertId, ruleId: record.ruleId, route: record.route, hook: record.hook, hookKind: record.hookKind, target: record.target, outcome: decision, at, dryRun: false, approvalRequired: true, by }]);
    } finally {
      await client.close();
    }
  } catch (err) {
    // The decision stands (it is in the action table); only its record in OpenSearch is missing.
    io.stderr.write(`warning: the decision was not recorded in OpenSearch: ${(err as Error).message}\n`);
  }
}
