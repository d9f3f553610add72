import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileBundle, detectorFromBundle } from '../../src/detect/detection-bundle';
import { gatherBundle } from '../../src/detect/gather-bundle';
import { createTestLogNormalizer } from '../../src/normalize/normalize-test-log';
import { tempTree } from '../cli/cli-io';

const PIPELINE = readFileSync(path.join(__dirname, '..', '..', 'detections', 'pipelines', 'logwarden.yml'), 'utf8');

// Written the way SigmaHQ's rules/cloud/aws are: raw CloudTrail names, no Logwarden attributes.
const SIGMAHQ_STYLE = `title: CloudTrail Trail Deleted
id: 4b0d6f7e-2c1a-4e3b-8d9c-7a6b5c4d3e2f
status: test
logsource:
    product: aws
    service: cloudtrail
detection:
    selection:
        eventSource: cloudtrail.amazonaws.com
        eventName: DeleteTrail
    condition: selection
level: medium
`;

describe('detect: the detections bundle', () => {
  it('gathers rules and pipelines, leaving tests files out', async () => {
    const dir = tempTree({ 'd/pipelines/logwarden.yml': PIPELINE, 'd/rules/a.yml': SIGMAHQ_STYLE, 'd/rules/a.tests.yml': '- name: x\n  match: true\n  event: {}\n' });
    const bundle = await gatherBundle(path.join(dir, 'd'));
    expect(bundle.rules.map((r) => r.file)).toEqual([path.join('rules', 'a.yml')]);
    expect(bundle.pipelines.map((p) => p.file)).toEqual([path.join('pipelines', 'logwarden.yml')]);
  });

  it('takes rules from another folder (a SigmaHQ checkout) and runs them unmodified through the pipelines', async () => {
    const dir = tempTree({ 'd/pipelines/logwarden.yml': PIPELINE, 'd/rules/.keep.txt': '', 'sigma/rules/cloud/aws/cloudtrail/aws_trail_deleted.yml': SIGMAHQ_STYLE });
    const extra = path.join(dir, 'sigma/rules/cloud/aws');
    const bundle = await gatherBundle(path.join(dir, 'd'), [extra]);
    expect(compileBundle(bundle).collection.rules.map((r) => r.title)).toEqual(['CloudTrail Trail Deleted']);
    const detector = detectorFromBundle(bundle);
    const normalize = createTestLogNormalizer();
    const record = { eventVersion: '1.09', eventTime: '2026-01-15T10:00:00Z', eventSource: 'cloudtrail.amazonaws.com', eventName: 'DeleteTrail', awsRegion: 'eu-west-1', userIdentity: { type: 'IAMUser', userName: 'mallory' }, requestParameters: { name: 'org-trail' } };
    expect(detector.ruleSet.evaluate(normalize({ group: 'aws-cloudtrail-logs-123456789012', record })).map((m) => m.rule.title)).toEqual(['CloudTrail Trail Deleted']);
    expect(detector.ruleSet.evaluate(normalize({ group: '/aws/lambda/printer', record }))).toEqual([]);
  });
});
