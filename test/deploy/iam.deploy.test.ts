import { packagedStack } from './support/packaged-stack';
import type { CfnTemplate } from './support/packaged-stack';
import { FUNCTIONS, actionsOf, asList, props, resourcesOfType, roleStatements, statementsOf } from './support/template-queries';
import type { Statement } from './support/template-queries';

jest.setTimeout(300_000);

let template: CfnTemplate;
beforeAll(async () => {
  ({ template } = await packagedStack());
});

/** Actions that accept no resource but "*" (service authorization reference), and why each is needed. */
const STAR_ONLY_ACTIONS: Readonly<Record<string, string>> = {
  'xray:PutTraceSegments': 'active tracing',
  'xray:PutTelemetryRecords': 'active tracing',
  'ec2:DescribeNetworkInterfaces': 'Lambda VPC networking (only when placed in a VPC)',
  'ec2:DescribeSubnets': 'Lambda VPC networking',
  'ec2:CreateNetworkInterface': 'Lambda VPC networking (Lambda documents it on "*")',
  'ec2:DeleteNetworkInterface': 'Lambda VPC networking (Lambda documents it on "*")',
  'ec2:AssignPrivateIpAddresses': 'Lambda VPC networking (Lambda documents it on "*")',
  'ec2:UnassignPrivateIpAddresses': 'Lambda VPC networking (Lambda documents it on "*")',
};

/** Every statement of the roles' inline policies and of the policies attached to them. */
function allRoleStatements(): [string, Statement][] {
  const inline = resourcesOfType(template, 'AWS::IAM::Role').flatMap(([id]) => roleStatements(template, id).map((s): [string, Statement] => [id, s]));
  const attached = resourcesOfType(template, 'AWS::IAM::Policy').flatMap(([id, policy]) => statementsOf(policy.Properties?.['PolicyDocument']).map((s): [string, Statement] => [id, s]));
  expect(attached.length).toBeGreaterThan(0);
  return [...inline, ...attached];
}

const resourcesOf = (s: Statement): string[] => asList(s.Resource).map((r) => JSON.stringify(r));
const grants = (roleId: string, action: string): string[] => roleStatements(template, roleId).filter((s) => s.Effect === 'Allow' && actionsOf(s).includes(action)).flatMap(resourcesOf);

describe('deploy template: IAM', () => {
  it('gives each function a role of its own', () => {
    for (const f of FUNCTIONS) expect(props(template, `${f.id}LambdaFunction`)['Role']).toEqual({ 'Fn::GetAtt': [f.role, 'Arn'] });
    expect(new Set(FUNCTIONS.map((f) => f.role)).size).toBe(FUNCTIONS.length);
    expect(template.Resources['IamRoleLambdaExecution']).toBeUndefined();
  });

  it('lets only Lambda assume the function roles', () => {
    for (const f of FUNCTIONS) {
      expect(statementsOf(props(template, f.role)['AssumeRolePolicyDocument'])).toEqual([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
    }
  });

  it('lets only detect, index-events and respond (and an optional admin) assume the OpenSearch access role', () => {
    const principals = statementsOf(props(template, 'OpenSearchAccessRole')['AssumeRolePolicyDocument']).map((s) => s.Principal);
    expect(principals).toEqual([{ AWS: [{ 'Fn::GetAtt': ['DetectRole', 'Arn'] }, { 'Fn::GetAtt': ['IndexEventsRole', 'Arn'] }, { 'Fn::GetAtt': ['RespondRole', 'Arn'] }] }, { AWS: { Ref: 'OpenSearchAdminPrincipalArn' } }]);
  });

  it('grants no wildcard action ("*" or "service:*") in any role', () => {
    for (const [role, s] of allRoleStatements()) {
      for (const action of actionsOf(s)) expect(`${role} ${action}`).not.toMatch(/(^| )\*$|:\*$/);
    }
  });

  it('uses the "*" resource only for actions that accept nothing else, each listed with its reason', () => {
    for (const [role, s] of allRoleStatements()) {
      if (!resourcesOf(s).includes('"*"')) continue;
      for (const action of actionsOf(s)) expect(`${role} ${action}: ${STAR_ONLY_ACTIONS[action] ?? 'not a "*"-only action'}`).not.toMatch(/not a "\*"-only action$/);
    }
  });

  it('never allows passing a role', () => {
    for (const [, s] of allRoleStatements()) expect(actionsOf(s).some((a) => a.toLowerCase().startsWith('iam:pass') || a.toLowerCase() === 'iam:*')).toBe(false);
  });

  it('lets each function touch only its own streams: raw → normalize → normalized → detect, index-events; detect → alerts → respond', () => {
    const [raw, normalized, alerts] = ['RawStream', 'NormalizedStream', 'AlertsStream'].map((id) => JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] }));
    const access = (role: string): string[][] => [grants(role, 'kinesis:GetRecords'), grants(role, 'kinesis:PutRecords')];
    expect(access('ForwardRole')).toEqual([[], [raw]]);
    expect(access('NormalizeRole')).toEqual([[raw], [normalized]]);
    expect(access('DetectRole')).toEqual([[normalized], [alerts]]);
    expect(access('IndexEventsRole')).toEqual([[normalized], []]);
    expect(access('RespondRole')).toEqual([[alerts], []]);
  });

  it('lets respond read and write its actions table, and no other function touch it', () => {
    expect(grants('RespondRole', 'dynamodb:UpdateItem')).toEqual([JSON.stringify({ 'Fn::GetAtt': ['ResponsesTable', 'Arn'] })]);
    for (const f of FUNCTIONS.filter((fn) => fn.name !== 'respond')) expect(roleStatements(template, f.role).flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });

  it("gives respond's hooks exactly what responses.yml routes to, and never the power to stop the pipeline", () => {
    const policy = props(template, 'RespondHooksPolicy');
    expect(policy['Roles']).toEqual([{ Ref: 'RespondRole' }]);
    const statements = statementsOf(policy['PolicyDocument']);
    expect(statements.filter((s) => s.Effect === 'Allow').flatMap(actionsOf).sort()).toEqual(
      ['events:PutEvents', 'iam:AttachRolePolicy', 'iam:AttachUserPolicy', 'iam:GetAccessKeyLastUsed', 'iam:UpdateAccessKey', 'lambda:PutFunctionConcurrency', 'ssm:GetParameter'].sort(),
    );
    // The webhook's signing secret: the read of that one parameter, nothing wider.
    expect(statements.find((s) => actionsOf(s).includes('ssm:GetParameter'))?.Resource).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/logwarden/soc-webhook-secret' }]);
    for (const action of ['iam:AttachRolePolicy', 'iam:AttachUserPolicy']) {
      expect(statements.find((s) => actionsOf(s).includes(action) && s.Effect === 'Allow')?.Condition).toEqual({ ArnEquals: { 'iam:PolicyARN': [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSDenyAll' }] } });
    }
    expect(statements.filter((s) => s.Effect === 'Deny').map((s) => [actionsOf(s), s.Resource])).toEqual([
      [['iam:AttachRolePolicy'], [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/logwarden-ci-*' }]],
      [['lambda:PutFunctionConcurrency'], [{ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:logwarden-ci-*' }]],
    ]);
  });

  it('lets each function write only its own log group, the dead-letter queue and use the pipeline key', () => {
    for (const f of FUNCTIONS) {
      expect(grants(f.role, 'logs:PutLogEvents')).toEqual([JSON.stringify({ 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/logwarden-ci-${f.name}:*` })]);
      expect(grants(f.role, 'sqs:SendMessage')).toEqual([JSON.stringify({ 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] })]);
      expect(grants(f.role, 'kms:Decrypt')).toEqual([JSON.stringify({ 'Fn::GetAtt': ['PipelineKey', 'Arn'] })]);
    }
  });

  it('lets only detect, index-events and respond reach OpenSearch, through the access role or the stored credentials', () => {
    expect([grants('ForwardRole', 'sts:AssumeRole'), grants('NormalizeRole', 'sts:AssumeRole')]).toEqual([[], []]);
    for (const role of ['DetectRole', 'IndexEventsRole', 'RespondRole']) {
      expect(grants(role, 'sts:AssumeRole')).toHaveLength(1);
      expect(grants(role, 'secretsmanager:GetSecretValue')).toEqual([JSON.stringify({ Ref: 'OpenSearchCredentialsSecretArn' })]);
      expect(grants(role, 'ssm:GetParameter')).toHaveLength(1);
    }
    expect(grants('OpenSearchAccessRole', 'es:ESHttpPost')).toEqual([JSON.stringify({ 'Fn::Sub': 'arn:${AWS::Partition}:es:${AWS::Region}:${AWS::AccountId}:domain/logwarden-ci/*' })]);
  });
});
