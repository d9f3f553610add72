import { packagedStack } from './support/packaged-stack';
import type { CfnTemplate } from './support/packaged-stack';
import { FUNCTIONS, props, resource, resourcesOfType } from './support/template-queries';

jest.setTimeout(300_000);

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packagedStack());
});

describe('deploy template: functions', () => {
  it('has exactly the pipeline functions, each on its handler', () => {
    const functions = resourcesOfType(template, 'AWS::Lambda::Function');
    expect(functions.map(([id]) => id).sort()).toEqual(FUNCTIONS.map((f) => `${f.id}LambdaFunction`).sort());
    for (const f of FUNCTIONS) expect(props(template, `${f.id}LambdaFunction`)['Handler']).toBe(`functions/${f.name}/handler.handler`);
  });

  it.each(FUNCTIONS)('runs $name on nodejs22.x and arm64', (f) => {
    const p = props(template, `${f.id}LambdaFunction`);
    expect(p['Runtime']).toBe('nodejs22.x');
    expect(p['Architectures']).toEqual(['arm64']);
  });

  it.each(FUNCTIONS)('gives $name an explicit memory size and a timeout below the 900 s maximum', (f) => {
    const p = props(template, `${f.id}LambdaFunction`);
    expect(p['MemorySize']).toEqual(expect.any(Number));
    expect(p['Timeout']).toBeGreaterThan(3);
    expect(p['Timeout']).toBeLessThan(900);
  });

  it.each(FUNCTIONS)('reserves concurrency for $name (bounded fan-out, protected capacity)', (f) => {
    const reserved = props(template, `${f.id}LambdaFunction`)['ReservedConcurrentExecutions'];
    expect(reserved).toBeGreaterThan(0);
    expect(reserved).toBeLessThanOrEqual(50);
  });

  it.each(FUNCTIONS)('traces $name with X-Ray (active)', (f) => {
    expect(props(template, `${f.id}LambdaFunction`)['TracingConfig']).toEqual({ Mode: 'Active' });
  });

  it.each(FUNCTIONS)('writes $name logs to its own log group, with retention and the pipeline key, created before it', (f) => {
    const group = props(template, `${f.id}LogGroup`);
    expect(group['LogGroupName']).toBe(`/aws/lambda/logwarden-ci-${f.name}`);
    expect(group['RetentionInDays']).toEqual(expect.any(Number));
    expect(group['KmsKeyId']).toEqual({ 'Fn::GetAtt': ['PipelineKey', 'Arn'] });
    expect(resource(template, `${f.id}LambdaFunction`).DependsOn).toContain(`${f.id}LogGroup`);
  });

  it.each(FUNCTIONS)('encrypts the environment of $name with the pipeline key', (f) => {
    expect(props(template, `${f.id}LambdaFunction`)['KmsKeyArn']).toEqual({ 'Fn::GetAtt': ['PipelineKey', 'Arn'] });
  });

  it('gives the forwarder bounded asynchronous retries and the dead-letter queue as on-failure destination', () => {
    const configs = resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig');
    expect(configs).toHaveLength(1);
    const p = configs[0]?.[1].Properties ?? {};
    expect(p['FunctionName']).toEqual({ Ref: 'ForwardLambdaFunction' });
    expect(p['MaximumRetryAttempts']).toBeLessThanOrEqual(2);
    expect(p['MaximumEventAgeInSeconds']).toBeLessThanOrEqual(21_600);
    expect(p['DestinationConfig']).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] } } });
  });

  it('places the functions that call OpenSearch in the VPC exactly when subnets are given', () => {
    for (const id of ['DetectLambdaFunction', 'IndexDasheventsLambdaFunction', 'RespondLambdaFunction']) {
      expect(props(template, id)['VpcConfig']).toEqual({ 'Fn::If': ['InVpc', { SubnetIds: { Ref: 'VpcSubnetIds' }, SecurityGroupIds: { Ref: 'VpcSecurityGroupIds' } }, { Ref: 'AWS::NoValue' }] });
    }
    expect(template.Conditions?.['InVpc']).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ 'Fn::Join': ['', { Ref: 'VpcSubnetIds' }] }, ''] }] });
  });
});
