import { readFileSync } from 'node:fs';
import { kinesisRecordsOf, readyOrRedeliver, reportBatch } from '../../src/batch/consumer-handler';
import type { ConsumerContext } from '../../src/batch/consumer-handler';
import type { BatchResponse } from '../../src/batch/kinesis-event';
import { processBatch } from '../../src/batch/process-batch';
import { createMetrics } from '../../src/observability/metrics';
import { createOpenSearchClient, indexNamesFor, readOpenSearchConfig } from '../../src/opensearch';
import { setupOnFirstUse } from '../../src/opensearch/setup-once';
import { createDynamoDbClient } from '../../src/respond/actions/dynamodb-client';
import { dynamoDbActionStore } from '../../src/respond/actions/dynamodb-action-store';
import { dynamoDbRateLimiter } from '../../src/respond/actions/dynamodb-rate-limiter';
import { openSearchOutcomeRecorder } from '../../src/respond/audit/opensearch-outcome-recorder';
import { parseResponsesConfig } from '../../src/respond/config/load-responses';
import { lazyAwsClients } from '../../src/respond/hooks/aws-clients';
import { createHooks } from '../../src/respond/hooks/create-hooks';
import { readRespondSettings } from '../../src/respond/respond-settings';
import { respondStage } from '../../src/respond/respond-stage';
import { deadLetterSinkFor } from '../../src/runtime/dependencies';
import { readSettings } from '../../src/runtime/settings';

// Cold start: settings, routing (a bad responses.yml stops the function with every problem
// listed), clients and hooks are immutable and shared by invocations.
const settings = readSettings(process.env);
const respond = readRespondSettings(process.env);
const config = parseResponsesConfig(readFileSync(respond.responsesFile, 'utf8'), respond.responsesFile);
const openSearch = readOpenSearchConfig(process.env);
const client = createOpenSearchClient(openSearch);
const names = indexNamesFor(openSearch.indexPrefix);
const ensureSetup = setupOnFirstUse(client, { names, replicas: openSearch.replicas });
const dynamoDb = createDynamoDbClient({ ...(respond.dynamoDbEndpoint === undefined ? {} : { endpoint: respond.dynamoDbEndpoint }), ...(settings.region === undefined ? {} : { region: settings.region }) });
const hooks = createHooks(config, { env: process.env, aws: lazyAwsClients(settings.region) });
const deadLetters = deadLetterSinkFor(settings.deadLetters, settings.region);
const recorder = openSearchOutcomeRecorder({ client, alertsIndex: names.alerts, responsesIndex: names.responses });
const store = dynamoDbActionStore(dynamoDb, respond.table);
const limiter = dynamoDbRateLimiter(dynamoDb, respond.table);
const metrics = createMetrics('respond');

/** The alerts stream → routing → hooks, each action claimed before it runs and recorded after. */
export async function handler(event: unknown, context: ConsumerContext): Promise<BatchResponse> {
  const records = kinesisRecordsOf(event, 'respond');
  const notReady = await readyOrRedeliver(ensureSetup, records, metrics);
  if (notReady !== undefined) return notReady;
  // One metric per outcome (ActionsDone, ActionsFailed, ActionsSuppressed, …): failed actions are dead-lettered, so they are alarmed on.
  const outcomes = new Map<string, number>();
  const stage = respondStage({ config, hooks, store, limiter, recorder, deadLetters, now: () => new Date(), forceDryRun: respond.forceDryRun }, (entries) => {
    for (const e of entries) outcomes.set(e.outcome, (outcomes.get(e.outcome) ?? 0) + 1);
  });
  const report = await processBatch(records, stage, { remainingTimeMs: () => context.getRemainingTimeInMillis(), reserveMs: settings.timeReserveMs });
  const perOutcome = Object.fromEntries([...outcomes].map(([outcome, n]) => [`Actions${outcome.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase())}`, n]));
  return reportBatch(metrics, report, { NoticesHandled: report.processed, ...perOutcome });
}
