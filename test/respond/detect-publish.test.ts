import type { AlertCandidate } from '../../src/alerts/alert-document';
import { dedupPlanFor } from '../../src/alerts/dedup';
import type { AlertStore } from '../../src/detect/alert-store';
import { detectStage } from '../../src/detect/detect-stage';
import { processBatch } from '../../src/batch/process-batch';
import { encodeNormalizedEvent } from '../../src/normalize/normalized-record';
import type { NormalizedEvent } from '../../src/schemas/normalized-event';
import { RuleSet } from '../../src/sigma';
import { decodeNotice } from '../../src/respond/alert-notice';
import { streamAlertPublisher } from '../../src/respond/publish-alerts';
import type { StreamEntry } from '../../src/streams/stream-writer';
import { kinesisRecord } from '../factories/kinesis-events';
import { compileDetection } from '../sigma/rule-helpers';
import { collectingDeadLetters } from './support/memory-stores';

const KEY = 'AKIAQWERTYUIOPASDFGH';

function event(id: string, message: string): NormalizedEvent {
  return {
    '@timestamp': '2026-12-02T10:00:00.000Z',
    message,
    event: { id, kind: 'event', module: 'aws', dataset: 'aws.lambda', original: message },
    cloud: { provider: 'aws', account: { id: '111122223333' }, region: 'eu-west-1' },
    faas: { name: 'orders-api' },
    aws: { cloudwatch: { log_group: '/aws/lambda/orders-api', log_stream: 's', event_id: id, owner: '111122223333', subscription_filters: ['f'] } },
    logwarden: { source: 'lambda', parser: 'raw' },
  } as NormalizedEvent;
}

function setup(options: { storeFails?: boolean; writerFails?: boolean } = {}) {
  const rule = compileDetection(`selection:\n  message|contains: 'AKIA'\ncondition: selection`);
  const detector = { ruleSet: new RuleSet([rule]), plans: new Map([[rule.key, dedupPlanFor(undefined)]]) };
  const recorded: AlertCandidate[] = [];
  const alerts: AlertStore = {
    async record(candidates) {
      recorded.push(...candidates);
      return { failed: new Set(options.storeFails === true ? candidates.keys() : []) };
    },
  };
  const published: StreamEntry[][] = [];
  const publish = streamAlertPublisher(async (entries) => {
    published.push([...entries]);
    return { failed: new Set(options.writerFails === true ? entries.keys() : []) };
  });
  const stage = detectStage({ detector, alerts, deadLetters: collectingDeadLetters(), now: () => new Date(), publish });
  const run = (events: NormalizedEvent[]) => processBatch(events.map((e) => kinesisRecord(encodeNormalizedEvent(e).data)), stage, { remainingTimeMs: () => 60_000, reserveMs: 1_000 });
  return { run, published, recorded };
}

describe('detect: alerts handed to respond through the alerts stream', () => {
  it('publishes one notice per alert of the batch: the masked alert as indexed and the unmasked event', async () => {
    const s = setup();
    const report = await s.run([event('e-1', `key ${KEY} leaked`), event('e-2', `again ${KEY}`), event('e-3', 'nothing here')]);
    expect(report.response.batchItemFailures).toEqual([]);
    expect(s.published).toHaveLength(1);
    const [entry] = s.published[0] as [StreamEntry];
    const decoded = decodeNotice(entry.data);
    if (!decoded.ok || decoded.notice.kind !== 'alert') throw new Error('not an alert notice');
    const alert = decoded.notice.alert as { alert: { id: string }; message: string };
    expect(entry.partitionKey).toBe(alert.alert.id);
    expect(alert.message).toBe('key AKIA****DFGH leaked');
    expect((decoded.notice.event as { message: string }).message).toBe(`key ${KEY} leaked`);
  });

  it('fails the records whose alert could not be published, so the batch is delivered again', async () => {
    const s = setup({ writerFails: true });
    const report = await s.run([event('e-1', `key ${KEY}`), event('e-2', 'quiet')]);
    expect(report.response.batchItemFailures).toHaveLength(2);
  });

  it('publishes nothing for alerts that OpenSearch did not take', async () => {
    const s = setup({ storeFails: true });
    await s.run([event('e-1', `key ${KEY}`)]);
    expect(s.published).toEqual([]);
  });
});
