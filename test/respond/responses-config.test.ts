import { parseResponsesConfig, ResponsesConfigError } from '../../src/respond/config/load-responses';
import { selectRoutes } from '../../src/respond/select-routes';
import { alertDocumentSchema } from '../../src/respond/alert-notice';
import { cloudTrailAlert } from './support/alerts';

const VALID = `
version: 1
accounts: ['111122223333']
hooks:
  soc:
    type: webhook
    url: https://hooks.example.com/logwarden
    secretEnv: SOC_WEBHOOK_SECRET
  disable-key:
    type: aws-action
    action: deactivate-access-key
routes:
  - name: persistence
    match: { tags: [attack.t1098], minLevel: medium, logsources: [cloudtrail] }
    hooks: [soc, { hook: disable-key, dryRun: true }]
    approval: required
  - name: lambda-only
    match: { logsources: [lambda] }
    hooks: [soc]
`;

function problemsOf(text: string): string[] {
  try {
    parseResponsesConfig(text, 'responses.yml');
  } catch (err) {
    if (err instanceof ResponsesConfigError) return err.problems.map((p) => `${p.line ?? '?'} ${p.path}: ${p.message}`);
    throw err;
  }
  return [];
}

describe('respond: responses.yml', () => {
  it('parses routes and hooks, filling defaults', () => {
    const config = parseResponsesConfig(VALID, 'responses.yml');
    expect(config.routes.map((r) => r.name)).toEqual(['persistence', 'lambda-only']);
    expect(config.defaults).toEqual({ dryRun: false, rateLimit: { max: 20, per: '1h' }, targetRateLimit: { max: 1, per: '1h' } });
    const hook = config.hooks['disable-key'];
    expect(hook?.type === 'aws-action' && hook.action === 'deactivate-access-key' && hook.accessKeyId[0]).toBe('aws.cloudtrail.responseElements.accessKey.accessKeyId');
  });

  it('rejects a route naming a hook that does not exist, with its line', () => {
    expect(problemsOf(VALID.replace('hooks: [soc]', 'hooks: [pager]'))).toEqual([expect.stringMatching(/^19 routes\.1\.hooks\.0: no hook 'pager'/)]);
  });

  it('rejects aws-action hooks without an accounts allow-list', () => {
    expect(problemsOf(VALID.replace("accounts: ['111122223333']", ''))).toEqual([expect.stringContaining("hooks.disable-key: aws-action hooks need the accounts")]);
  });

  it('rejects unknown fields, bad ARNs and bad durations', () => {
    const text = `
version: 1
hooks:
  t: { type: sns, topicArn: 'arn:aws:sqs:eu-west-1:111122223333:x', rateLimit: { max: 1, per: 'soon' } }
routes:
  - name: r
    match: { levels: [high] }
    hooks: [t]
    color: red
`;
    const problems = problemsOf(text);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('hooks.t.topicArn: an SNS topic ARN'), expect.stringContaining('hooks.t.rateLimit.per'), expect.stringContaining('routes.0')]));
  });

  it('rejects a route without any criterion', () => {
    expect(problemsOf(VALID.replace('match: { logsources: [lambda] }', 'match: {}'))).toEqual([expect.stringContaining('needs at least one criterion')]);
  });
});

describe('respond: routing', () => {
  const config = parseResponsesConfig(VALID, 'responses.yml');
  const routesFor = (overrides: Parameters<typeof cloudTrailAlert>[0]) => selectRoutes(alertDocumentSchema.parse(cloudTrailAlert(overrides)), config).map((r) => r.name);

  it('selects a route when tag (with sub-technique), level and log source all match', () => {
    expect(routesFor({})).toEqual(['persistence']);
  });

  it('does not select it below the minimum level or without the tag', () => {
    expect(routesFor({ level: 'low' })).toEqual([]);
    expect(routesFor({ tags: ['attack.t1078'] })).toEqual([]);
  });

  it('selects by rule id', () => {
    const byRule = parseResponsesConfig(VALID.replace('match: { logsources: [lambda] }', "match: { rules: ['r-1'] }"), 'responses.yml');
    expect(selectRoutes(alertDocumentSchema.parse(cloudTrailAlert({ ruleId: 'r-1', tags: [] })), byRule).map((r) => r.name)).toEqual(['lambda-only']);
  });
});
