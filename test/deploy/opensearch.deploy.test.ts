import { packagedStack } from './support/packaged-stack';
import type { CfnTemplate } from './support/packaged-stack';
import { asList, props, resource, statementsOf } from './support/template-queries';

jest.setTimeout(300_000);

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packagedStack());
});

// checkov's CloudFormation checks do not look at AWS::OpenSearchService::Domain: these do.
describe('deploy template: OpenSearch', () => {
  const domain = (): Record<string, unknown> => props(template, 'OpenSearchDomain');

  it('creates the domain only when no existing endpoint is given', () => {
    expect(resource(template, 'OpenSearchDomain').Condition).toBe('CreateDomain');
    expect(template.Conditions?.['CreateDomain']).toEqual({ 'Fn::Equals': [{ Ref: 'OpenSearchEndpoint' }, ''] });
    expect(template.Parameters?.['OpenSearchEndpoint']).toMatchObject({ Default: '', AllowedPattern: expect.stringContaining('https://') });
    const url = props(template, 'DetectLambdaFunction')['Environment'] as { Variables: Record<string, unknown> };
    expect(url.Variables['OPENSEARCH_URL']).toEqual({ 'Fn::If': ['CreateDomain', { 'Fn::Sub': 'https://${OpenSearchDomain.DomainEndpoint}' }, { Ref: 'OpenSearchEndpoint' }] });
  });

  it('encrypts the domain at rest with the pipeline key', () => {
    expect(domain()['EncryptionAtRestOptions']).toEqual({ Enabled: true, KmsKeyId: { 'Fn::GetAtt': ['PipelineKey', 'Arn'] } });
  });

  it('encrypts traffic between nodes', () => {
    expect(domain()['NodeToNodeEncryptionOptions']).toEqual({ Enabled: true });
  });

  it('enforces HTTPS with a TLS 1.2+ policy', () => {
    expect(domain()['DomainEndpointOptions']).toEqual({ EnforceHTTPS: true, TLSSecurityPolicy: expect.stringMatching(/^Policy-Min-TLS-1-2-(PFS-2023-10|2019-07)$/) });
  });

  it('enables fine-grained access control with the pipeline access role as master user and no internal password', () => {
    expect(domain()['AdvancedSecurityOptions']).toEqual({ Enabled: true, InternalUserDatabaseEnabled: false, MasterUserOptions: { MasterUserARN: { 'Fn::GetAtt': ['OpenSearchAccessRole', 'Arn'] } } });
  });

  it('places the domain in the VPC when subnets are given', () => {
    expect(domain()['VPCOptions']).toEqual({ 'Fn::If': ['InVpc', { SubnetIds: { Ref: 'VpcSubnetIds' }, SecurityGroupIds: { Ref: 'VpcSecurityGroupIds' } }, { Ref: 'AWS::NoValue' }] });
  });

  it('spreads the domain over two availability zones', () => {
    expect(domain()['ClusterConfig']).toMatchObject({ ZoneAwarenessEnabled: true, ZoneAwarenessConfig: { AvailabilityZoneCount: 2 } });
    expect(template.Parameters?.['OpenSearchInstanceCount']).toMatchObject({ MinValue: 2 });
  });

  it('publishes audit, slow and error logs to encrypted log groups with retention', () => {
    const logs = domain()['LogPublishingOptions'] as Record<string, { Enabled: boolean; CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [string, string] } }>;
    expect(Object.keys(logs).sort()).toEqual(['AUDIT_LOGS', 'ES_APPLICATION_LOGS', 'INDEX_SLOW_LOGS', 'SEARCH_SLOW_LOGS']);
    for (const option of Object.values(logs)) {
      expect(option.Enabled).toBe(true);
      const group = props(template, option.CloudWatchLogsLogGroupArn['Fn::GetAtt'][0]);
      expect(group['RetentionInDays']).toEqual(expect.any(Number));
      expect(group['KmsKeyId']).toEqual({ 'Fn::GetAtt': ['PipelineKey', 'Arn'] });
    }
  });

  it('lets only the OpenSearch service of this account write those logs, before the domain exists', () => {
    const policy = JSON.parse((props(template, 'OpenSearchLogsPolicy')['PolicyDocument'] as { 'Fn::Sub': string })['Fn::Sub']) as unknown;
    const [statement, ...others] = statementsOf(policy);
    expect(others).toHaveLength(0);
    expect(statement).toMatchObject({ Effect: 'Allow', Principal: { Service: 'es.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': '${AWS::AccountId}' } } });
    expect(resource(template, 'OpenSearchDomain').DependsOn).toContain('OpenSearchLogsPolicy');
  });

  it('names who may call the domain: no "*" principal, HTTP actions only, on this domain only', () => {
    for (const statement of statementsOf(domain()['AccessPolicies'])) {
      const principals = (statement.Principal as { AWS: unknown }).AWS;
      const all = (principals as { 'Fn::If'?: unknown[] })['Fn::If'] ? ((principals as { 'Fn::If': unknown[] })['Fn::If'].slice(1) as unknown[][]).flat() : asList(principals);
      expect(all.length).toBeGreaterThan(0);
      for (const p of all) expect(JSON.stringify(p)).not.toMatch(/^"\*"$|"\*"/);
      expect(JSON.stringify(statement.Principal)).not.toContain('"*"');
      expect(asList(statement.Action).every((a) => typeof a === 'string' && a.startsWith('es:ESHttp'))).toBe(true);
      expect(statement.Resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:es:${AWS::Region}:${AWS::AccountId}:domain/logwarden-ci/*' });
    }
  });

  it('passes no credential to the functions as a value: SigV4 via a role, or where basic credentials are stored', () => {
    for (const id of ['DetectLambdaFunction', 'IndexDasheventsLambdaFunction', 'RespondLambdaFunction']) {
      const variables = (props(template, id)['Environment'] as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(variables).filter((name) => /PASSWORD$|SECRET_ACCESS|TOKEN/.test(name))).toEqual([]);
      expect(variables['OPENSEARCH_AUTH']).toEqual({ 'Fn::If': ['UsesBasicAuth', 'basic', 'sigv4'] });
      expect(variables['OPENSEARCH_CREDENTIALS_SECRET']).toEqual({ 'Fn::If': ['HasCredentialsSecret', { Ref: 'OpenSearchCredentialsSecretArn' }, ''] });
      expect(variables['OPENSEARCH_PASSWORD_PARAMETER']).toEqual({ 'Fn::If': ['HasPasswordParameter', { Ref: 'OpenSearchPasswordParameter' }, ''] });
      expect(variables['OPENSEARCH_ROLE_ARN']).toEqual({ 'Fn::If': ['CreateDomain', { 'Fn::GetAtt': ['OpenSearchAccessRole', 'Arn'] }, { 'Fn::If': ['UsesBasicAuth', '', { Ref: 'OpenSearchRoleArn' }] }] });
    }
    expect(template.Parameters?.['OpenSearchCredentialsSecretArn']?.['AllowedPattern']).toContain(':secretsmanager:');
  });
});
