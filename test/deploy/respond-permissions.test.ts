import { parseResponsesConfig } from '../../src/respond/config/load-responses';
import { respondHookStatements, respondHooksPolicy } from '../../scripts/deploy/respond-permissions';

const config = (hooks: string): ReturnType<typeof parseResponsesConfig> =>
  parseResponsesConfig(`version: 1\naccounts: ['111122223333']\nhooks:\n${hooks}\nroutes:\n  - name: all\n    match: { minLevel: low }\n    hooks: [first]\n`, 'responses.yml');

describe('deploy: permissions of respond follow responses.yml (each hook states its own)', () => {
  it('grants publishing to exactly the topic, bus and function the notification hooks name', () => {
    const statements = respondHookStatements(
      config(`  first:
    type: sns
    topicArn: arn:aws:sns:eu-west-1:111122223333:soc-alerts
  bus:
    type: eventbridge
    eventBus: security
  fn:
    type: lambda
    functionArn: arn:aws:lambda:eu-west-1:111122223333:function:ticketing`),
    );
    expect(statements).toEqual([
      { Sid: 'Hookbus', Effect: 'Allow', Action: ['events:PutEvents'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/security' }] },
      { Sid: 'Hookfirst', Effect: 'Allow', Action: ['sns:Publish'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:sns:eu-west-1:111122223333:soc-alerts' }] },
      {
        Sid: 'Hookfn',
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:lambda:eu-west-1:111122223333:function:ticketing' }, { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:eu-west-1:111122223333:function:ticketing:*' }],
      },
    ]);
  });

  it('attaches no policy when the hooks only call webhooks', () => {
    expect(respondHooksPolicy(config(`  first:\n    type: webhook\n    url: https://hooks.example.com/x\n    secretEnv: HOOK_SECRET`), 'logwarden-prod')).toEqual({});
  });

  it('limits the quarantine hook to the principal types it may quarantine and to its policy', () => {
    const [statement] = respondHookStatements(config(`  first:\n    type: aws-action\n    action: attach-deny-all-policy\n    principalTypes: [role]`));
    expect(statement).toEqual({
      Sid: 'Hookfirst',
      Effect: 'Allow',
      Action: ['iam:AttachRolePolicy'],
      Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*' }],
      Condition: { ArnEquals: { 'iam:PolicyARN': [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSDenyAll' }] } },
    });
  });
});
