import { packagedStack } from './support/packaged-stack';
import type { CfnTemplate } from './support/packaged-stack';
import { STREAM_CONSUMERS, actionsOf, props, resourcesOfType, statementsOf } from './support/template-queries';

jest.setTimeout(300_000);

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packagedStack());
});

const PIPELINE_KEY = { 'Fn::GetAtt': ['PipelineKey', 'Arn'] };

describe('deploy template: streams, key and dead letters', () => {
  it('encrypts the three streams with the customer-managed pipeline key', () => {
    const streams = resourcesOfType(template, 'AWS::Kinesis::Stream');
    expect(streams.map(([id]) => id).sort()).toEqual(['AlertsStream', 'NormalizedStream', 'RawStream']);
    for (const [, stream] of streams) expect(stream.Properties?.['StreamEncryption']).toEqual({ EncryptionType: 'KMS', KeyId: PIPELINE_KEY });
  });

  it('takes the stream mode as a parameter: shard counts when PROVISIONED, none when ON_DEMAND', () => {
    expect(template.Parameters?.['StreamMode']).toMatchObject({ AllowedValues: ['PROVISIONED', 'ON_DEMAND'], Default: 'PROVISIONED' });
    expect(props(template, 'RawStream')['StreamModeDetails']).toEqual({ StreamMode: { Ref: 'StreamMode' } });
    expect(props(template, 'RawStream')['ShardCount']).toEqual({ 'Fn::If': ['OnDemandStreams', { Ref: 'AWS::NoValue' }, { Ref: 'RawShards' }] });
    expect(props(template, 'NormalizedStream')['ShardCount']).toEqual({ 'Fn::If': ['OnDemandStreams', { Ref: 'AWS::NoValue' }, { Ref: 'NormalizedShards' }] });
    expect(props(template, 'AlertsStream')['ShardCount']).toEqual({ 'Fn::If': ['OnDemandStreams', { Ref: 'AWS::NoValue' }, { Ref: 'AlertsShards' }] });
  });

  it('rotates the pipeline key', () => {
    expect(props(template, 'PipelineKey')['EnableKeyRotation']).toBe(true);
  });

  it('lets only the five pipeline roles encrypt and decrypt with the key, and no one use kms:* or a "*" principal', () => {
    const statements = statementsOf(props(template, 'PipelineKey')['KeyPolicy']);
    const crypto = statements.filter((s) => actionsOf(s).some((a) => a === 'kms:Decrypt' || a === 'kms:GenerateDataKey'));
    const accountPrincipals = crypto.filter((s) => JSON.stringify(s.Principal).includes(':root'));
    expect(accountPrincipals).toHaveLength(1);
    const roles = (accountPrincipals[0]?.Condition?.['ArnEquals']?.['aws:PrincipalArn'] ?? []) as { 'Fn::Sub': string }[];
    expect(roles.map((r) => r['Fn::Sub'].split('role/')[1]).sort()).toEqual(['detect', 'forward', 'index-events', 'normalize', 'respond'].map((n) => `logwarden-ci-eu-west-1-${n}`));
    for (const s of statements) {
      expect(actionsOf(s)).not.toContain('kms:*');
      expect(JSON.stringify(s.Principal)).not.toMatch(/"\*"/);
    }
  });

  it.each(STREAM_CONSUMERS)('bounds the $name event source mapping: batching, bisect, finite retries and age, partial batch responses, on-failure queue', (consumer) => {
    const mappings = resourcesOfType(template, 'AWS::Lambda::EventSourceMapping').filter(([, m]) => JSON.stringify(m.Properties?.['FunctionName']) === JSON.stringify({ 'Fn::GetAtt': [`${consumer.id}LambdaFunction`, 'Arn'] }));
    expect(mappings).toHaveLength(1);
    const p = mappings[0]?.[1].Properties ?? {};
    expect(p['EventSourceArn']).toEqual({ 'Fn::GetAtt': [consumer.stream, 'Arn'] });
    expect(p['BatchSize']).toEqual(expect.any(Number));
    expect(p['MaximumBatchingWindowInSeconds']).toBeGreaterThan(0);
    expect(p['BisectBatchOnFunctionError']).toBe(true);
    expect(p['MaximumRetryAttempts']).toBeGreaterThanOrEqual(0);
    expect(p['MaximumRetryAttempts']).toBeLessThanOrEqual(10_000);
    expect(p['MaximumRecordAgeInSeconds']).toBeGreaterThanOrEqual(60);
    expect(p['MaximumRecordAgeInSeconds']).toBeLessThanOrEqual(604_800);
    expect(p['FunctionResponseTypes']).toEqual(['ReportBatchItemFailures']);
    expect(p['DestinationConfig']).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] } } });
  });

  it('has no other event source mapping than the stream consumers', () => {
    expect(resourcesOfType(template, 'AWS::Lambda::EventSourceMapping')).toHaveLength(STREAM_CONSUMERS.length);
  });

  it('encrypts the dead-letter queue with the pipeline key and keeps letters 14 days', () => {
    expect(props(template, 'DeadLetterQueue')).toMatchObject({ KmsMasterKeyId: PIPELINE_KEY, MessageRetentionPeriod: 1_209_600 });
  });

  it('denies any access to the dead-letter queue without TLS', () => {
    const policy = props(template, 'DeadLetterQueuePolicy');
    expect(policy['Queues']).toEqual([{ Ref: 'DeadLetterQueue' }]);
    expect(statementsOf(policy['PolicyDocument'])).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it("encrypts respond's actions table with the pipeline key, with point-in-time recovery and TTL", () => {
    expect(props(template, 'ResponsesTable')).toMatchObject({
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: PIPELINE_KEY },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('encrypts the alarm topic with the pipeline key and denies publishing without TLS', () => {
    expect(props(template, 'AlarmTopic')['KmsMasterKeyId']).toEqual(PIPELINE_KEY);
    expect(statementsOf(props(template, 'AlarmTopicPolicy')['PolicyDocument'])).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });
});
