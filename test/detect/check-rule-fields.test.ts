import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkRuleFields, sourcesOf } from '../../src/detect/check-rule-fields';
import { compileBundle, describeBundleProblems } from '../../src/detect/detection-bundle';
import { parsePipeline } from '../../src/sigma';
import type { ProcessingPipeline } from '../../src/sigma';
import { compileYaml } from '../sigma/rule-helpers';

const PIPELINE_FILE = path.join(__dirname, '..', '..', 'detections', 'pipelines', 'logwarden.yml');
const PIPELINE_TEXT = readFileSync(PIPELINE_FILE, 'utf8');
const pipeline = parsePipeline(PIPELINE_TEXT, PIPELINE_FILE).pipeline as ProcessingPipeline;

function rule(logsource: string, detection: string): string {
  const indented = (text: string): string => text.split('\n').map((l) => `    ${l}`).join('\n');
  return `title: Field check\nid: 5f2b9d0e-3a4c-4b8e-9f1a-0c2d3e4f5a6b\nlogsource:\n${indented(logsource)}\ndetection:\n${indented(detection)}\nlevel: high\n`;
}

function check(text: string, rejectForeignLogsources = true) {
  const { rules, problems } = compileYaml(text, { pipelines: [pipeline] }, 'rules/check.yml');
  expect(problems).toEqual([]);
  return checkRuleFields(rules, { rejectForeignLogsources });
}

describe('detect: rules are checked against the normalized schema', () => {
  it('accepts SigmaHQ-style CloudTrail names, which the pipeline maps under aws.cloudtrail', () => {
    const text = rule('product: aws\nservice: cloudtrail', 'selection:\n    eventSource: kms.amazonaws.com\n    requestParameters.keyId|exists: true\n    userIdentity.userName|fieldref: requestParameters.userName\ncondition: selection');
    expect(check(text)).toEqual([]);
  });

  it('rejects a field of another source, with file, line and the detection item', () => {
    const text = rule('product: aws\nservice: lambda', 'selection:\n    message|contains: boom\n    url.original|contains: 169.254.169.254\ncondition: selection');
    expect(check(text)).toEqual([
      {
        file: 'rules/check.yml',
        line: 9,
        field: 'detection.selection.url.original|contains',
        message: expect.stringContaining("field 'url.original' is not mapped by any pipeline and no lambda event has it") as unknown as string,
      },
    ]);
  });

  it('checks fieldref targets too, and reports each unknown field once', () => {
    const text = rule('product: aws\nservice: lambda', 'a:\n    faas.name|fieldref: faas.nmae\nb:\n    faas.nmae: x\ncondition: a or b');
    const problems = check(text);
    expect(problems.map((p) => [p.field, p.line])).toEqual([['detection.a.faas.name|fieldref', 8]]);
    expect(problems[0]?.message).toContain("'faas.nmae'");
  });

  it('accepts a field of any source when the rule names no service', () => {
    expect(check(rule('product: aws', 'selection:\n    destination.port: 22\ncondition: selection'))).toEqual([]);
    expect(check(rule('product: aws', 'selection:\n    destination.prot: 22\ncondition: selection'))).toHaveLength(1);
  });

  it('rejects foreign log sources in the build, and leaves them to plain validation otherwise', () => {
    const windows = rule('product: windows\ncategory: process_creation', 'selection:\n    Image|endswith: \\\\cmd.exe\ncondition: selection');
    expect(check(windows)).toEqual([{ file: 'rules/check.yml', line: 1, field: 'logsource', message: expect.stringContaining('Logwarden carries no log source for {product: windows, category: process_creation}') as unknown as string }]);
    expect(check(windows, false)).toEqual([]);
  });

  it('knows the Lambda line categories and nothing else', () => {
    expect(sourcesOf({ product: 'aws', service: 'lambda', category: 'platform' })).toEqual(['lambda']);
    expect(sourcesOf({ product: 'aws', service: 'lambda', category: 'application' })).toEqual(['lambda']);
    expect(sourcesOf({ product: 'aws', service: 'lambda', category: 'process_creation' })).toContain("no category 'process_creation' for service lambda");
    expect(sourcesOf({ product: 'aws', service: 's3' })).toContain('services are lambda, cloudtrail, vpcflow, apigateway, application');
  });

  it('fails the detections build with every problem listed', () => {
    const bad = rule('product: aws\nservice: lambda', 'selection:\n    eventName: DeleteTrail\ncondition: selection');
    expect(() => compileBundle({ version: 1, rules: [{ file: 'rules/bad.yml', text: bad }], pipelines: [{ file: 'pipelines/logwarden.yml', text: PIPELINE_TEXT }] })).toThrow();
    try {
      compileBundle({ version: 1, rules: [{ file: 'rules/bad.yml', text: bad }], pipelines: [{ file: 'pipelines/logwarden.yml', text: PIPELINE_TEXT }] });
    } catch (err) {
      // Raw CloudTrail names resolve only in CloudTrail rules: a Lambda rule reading one never matches.
      expect(describeBundleProblems(err)).toContain("rules/bad.yml:8: detection.selection.eventName: field 'eventName' is not mapped by any pipeline and no lambda event has it");
    }
  });
});
