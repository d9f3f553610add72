import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATE_FILE, packagedStack } from './support/packaged-stack';
import type { CfnTemplate } from './support/packaged-stack';
import { TEST_TRUSTED_ACCOUNT } from './support/package-inputs';
import { props, resourcesOfType } from './support/template-queries';

jest.setTimeout(300_000);

let template: CfnTemplate;
let text: string;
beforeAll(async () => {
  const stack = await packagedStack();
  template = stack.template;
  text = readFileSync(path.join(stack.dir, TEMPLATE_FILE), 'utf8');
});

describe('deploy template: stage, region and accounts', () => {
  it('names what it creates after the stage (and the region where names are account-wide)', () => {
    expect(props(template, 'RawStream')['Name']).toBe('logwarden-ci-raw');
    expect(props(template, 'NormalizedStream')['Name']).toBe('logwarden-ci-normalized');
    expect(props(template, 'DeadLetterQueue')['QueueName']).toBe('logwarden-ci-dead-letters');
    expect(props(template, 'ForwardRole')['RoleName']).toBe('logwarden-ci-eu-west-1-forward');
    expect(props(template, 'OpenSearchDomain')['DomainName']).toBe('logwarden-ci');
  });

  it('hard-codes no account id, partition or region: ARNs are built from pseudo parameters', () => {
    const withoutTrusted = text.replaceAll(TEST_TRUSTED_ACCOUNT, '');
    expect(withoutTrusted).not.toMatch(/\b\d{12}\b/);
    expect(text).not.toMatch(/arn:aws:/);
    expect(text).not.toContain('eu-west-1"');
    expect(text).not.toMatch(/:eu-west-1:/);
  });

  it('accepts logs from this account and the configured trusted ones only', () => {
    const variables = (props(template, 'NormalizeLambdaFunction')['Environment'] as { Variables: Record<string, unknown> }).Variables;
    expect(variables['LOGWARDEN_NORMALIZE_CONFIG']).toEqual({ 'Fn::Sub': JSON.stringify({ accounts: ['${AWS::AccountId}', TEST_TRUSTED_ACCOUNT] }) });
  });

  it('tells every function where its streams and dead letters are, by reference', () => {
    for (const [, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
      expect((fn.Properties?.['Environment'] as { Variables: Record<string, unknown> }).Variables).toMatchObject({
        LOGWARDEN_DLQ_URL: { Ref: 'DeadLetterQueue' },
        LOGWARDEN_RAW_STREAM: { Ref: 'RawStream' },
        LOGWARDEN_NORMALIZED_STREAM: { Ref: 'NormalizedStream' },
      });
    }
  });
});
