import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createNormalizer } from '../../src/normalize/create-normalizer';
import { normalizeRecord } from '../../src/normalize/normalize-record';
import { compileRuleSources, parsePipeline, RuleSet } from '../../src/sigma';
import type { ProcessingPipeline } from '../../src/sigma';

const ROOT = path.join(__dirname, '..', '..');
const PIPELINE_FILE = path.join(ROOT, 'detections', 'pipelines', 'logwarden.yml');
const pipeline = parsePipeline(readFileSync(PIPELINE_FILE, 'utf8'), PIPELINE_FILE).pipeline as ProcessingPipeline;
const FIXTURES = path.join(ROOT, 'test', 'events', 'cloudtrail');

// Rules written exactly the way SigmaHQ writes CloudTrail rules: raw CloudTrail field names,
// nested names with dots, fieldref between two of them, no knowledge of Logwarden's layout.
const SIGMAHQ_STYLE = `
title: Trail Logging Stopped Or Trail Deleted
id: 1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e01
logsource:
    product: aws
    service: cloudtrail
detection:
    selection:
        eventSource: cloudtrail.amazonaws.com
        eventName:
            - StopLogging
            - DeleteTrail
    condition: selection
level: high
---
title: Access Key Created For Another User
id: 1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e02
logsource:
    product: aws
    service: cloudtrail
detection:
    selection:
        eventSource: iam.amazonaws.com
        eventName: CreateAccessKey
    filter_self:
        requestParameters.userName|fieldref: userIdentity.userName
    condition: selection and not filter_self
level: medium
---
title: Console Login Without MFA
id: 1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e03
logsource:
    product: aws
    service: cloudtrail
detection:
    selection:
        eventName: ConsoleLogin
        additionalEventData.MFAUsed: 'No'
        responseElements.ConsoleLogin: Success
    condition: selection
level: medium
---
title: Root Identity Used
id: 1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e04
logsource:
    product: aws
    service: cloudtrail
detection:
    selection:
        userIdentity.type: Root
    filter_service:
        eventType: AwsServiceEvent
    condition: selection and not filter_service
level: medium
`;

/** Each fixture record delivered to CloudWatch Logs by CloudTrail, then normalized as in production. */
function normalizedFixtures(logGroup: string): Map<string, Record<string, unknown>> {
  const normalizer = createNormalizer();
  const events = new Map<string, Record<string, unknown>>();
  readdirSync(FIXTURES).forEach((file, i) => {
    const message = JSON.stringify(JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')));
    const record = { v: 1 as const, owner: '111122223333', logGroup, logStream: '111122223333_CloudTrail_us-east-1', subscriptionFilters: ['logwarden'], id: String(i), timestamp: 0, message };
    events.set(file, normalizeRecord(record, normalizer) as Record<string, unknown>);
  });
  return events;
}

function matchesByFile(events: Map<string, Record<string, unknown>>): Record<string, string[]> {
  const collection = compileRuleSources([{ file: 'sigmahq-style.yml', text: SIGMAHQ_STYLE }], { pipelines: [pipeline] });
  expect(collection.problems).toEqual([]);
  const ruleSet = new RuleSet(collection.rules);
  const result: Record<string, string[]> = {};
  for (const [file, event] of events) {
    const titles = ruleSet.evaluate(event).map((m) => m.rule.title);
    if (titles.length > 0) result[file] = titles.sort();
  }
  return result;
}

describe('detections: SigmaHQ-style CloudTrail rules on normalized CloudTrail records', () => {
  it('match through the shipped pipeline exactly the records they describe', () => {
    expect(matchesByFile(normalizedFixtures('aws-cloudtrail-logs-111122223333'))).toEqual({
      'console-login-root.json': ['Console Login Without MFA', 'Root Identity Used'],
      'console-login-success-no-mfa.json': ['Console Login Without MFA'],
      'create-access-key-other-user.json': ['Access Key Created For Another User'],
      'delete-trail.json': ['Trail Logging Stopped Or Trail Deleted'],
      'stop-logging.json': ['Trail Logging Stopped Or Trail Deleted'],
    });
  });

  it('match nothing when the same records come from a log group that is not CloudTrail', () => {
    expect(matchesByFile(normalizedFixtures('/aws/lambda/audit-printer'))).toEqual({});
  });

  it('match nothing without the pipeline: the raw names exist only under aws.cloudtrail', () => {
    const collection = compileRuleSources([{ file: 'sigmahq-style.yml', text: SIGMAHQ_STYLE }]);
    const ruleSet = new RuleSet(collection.rules);
    const matched = [...normalizedFixtures('aws-cloudtrail-logs-111122223333').values()].filter((e) => ruleSet.evaluate(e).length > 0);
    expect(matched).toEqual([]);
  });
});
