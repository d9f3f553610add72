import path from 'node:path';
import { loadResponsesConfig } from '../../src/respond/config/load-responses';
import { collectRuleFiles } from '../../src/sigma';
import { run, tempTree } from '../cli/cli-io';
import { alertNotice, cloudTrailAlert, LEAKED_KEY } from './support/alerts';

const SHIPPED = path.join('detections', 'responses.yml');

describe('respond: the shipped detections/responses.yml', () => {
  it('is valid and safe: notifications are dry-run, every aws-action route requires approval', async () => {
    const config = await loadResponsesConfig(SHIPPED);
    for (const route of config.routes) {
      for (const ref of route.hooks) {
        const hook = config.hooks[typeof ref === 'string' ? ref : ref.hook];
        if (hook?.type === 'aws-action') expect([route.name, route.approval]).toEqual([route.name, 'required']);
        else expect([route.name, hook?.dryRun]).toEqual([route.name, true]);
      }
    }
  });

  it('is not mistaken for a Sigma rule when detections/ is loaded', async () => {
    expect((await collectRuleFiles(['detections'])).filter((f) => f.endsWith('responses.yml'))).toEqual([]);
  });
});

describe('logwarden respond test', () => {
  it('shows the routes, hooks, modes and exact requests for an alert notice, sending nothing', async () => {
    const dir = tempTree({ 'notice.json': JSON.stringify(alertNotice()) });
    const result = await run(['respond', 'test', path.join(dir, 'notice.json'), '--config', SHIPPED]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('route leaked-access-key → hook disable-leaked-key (aws-action:deactivate-access-key)');
    expect(result.stdout).toContain('mode: awaits approval');
    expect(result.stdout).toContain(`iam:UpdateAccessKey {"UserName":"<owner of the key, from GetAccessKeyLastUsed>","AccessKeyId":"${LEAKED_KEY}","Status":"Inactive"}`);
    expect(result.stdout).toContain('nothing was sent');
  });

  it('explains why an alert without the unmasked event cannot name a key', async () => {
    const dir = tempTree({ 'alert.json': JSON.stringify(cloudTrailAlert()) });
    const result = await run(['respond', 'test', path.join(dir, 'alert.json'), '--config', SHIPPED, '--route', 'leaked-access-key', '--json']);
    const [first] = JSON.parse(result.stdout) as { actions: { hook: string; error?: string }[] }[];
    expect(first?.actions.find((a) => a.hook === 'disable-leaked-key')?.error).toContain("'AKIA****DFGH' is not a long-term access key id");
  });

  it('says so when no route takes the alert, and rejects an unknown route', async () => {
    const dir = tempTree({ 'alert.json': JSON.stringify(cloudTrailAlert({ level: 'low', ruleId: 'other', tags: [] })) });
    expect((await run(['respond', 'test', path.join(dir, 'alert.json'), '--config', SHIPPED])).stdout).toContain('no route takes this alert');
    expect((await run(['respond', 'test', path.join(dir, 'alert.json'), '--config', SHIPPED, '--route', 'nope'])).code).toBe(2);
  });

  it('reports a broken routing file with its line', async () => {
    const dir = tempTree({ 'r.yml': 'version: 1\nhooks: {}\nroutes:\n  - name: x\n    match: { levels: [urgent] }\n    hooks: [y]\n', 'a.json': '{}' });
    const result = await run(['respond', 'test', path.join(dir, 'a.json'), '--config', path.join(dir, 'r.yml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('r.yml:5: routes.0.match.levels.0');
  });
});

describe('logwarden respond permissions', () => {
  it('prints an IAM policy with only what the used hooks call', async () => {
    const result = await run(['respond', 'permissions', '--config', SHIPPED, '--json']);
    const policy = JSON.parse(result.stdout) as { Statement: { Action: string[] }[] };
    expect(policy.Statement.flatMap((s) => s.Action).sort()).toEqual(['events:PutEvents', 'iam:AttachRolePolicy', 'iam:AttachUserPolicy', 'iam:GetAccessKeyLastUsed', 'iam:UpdateAccessKey', 'lambda:PutFunctionConcurrency', 'ssm:GetParameter']);
  });
});

describe('logwarden respond approve/reject', () => {
  it('refuses something that is not an action id before contacting anything', async () => {
    const result = await run(['respond', 'approve', 'not-an-id']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not an action id');
  });
});
