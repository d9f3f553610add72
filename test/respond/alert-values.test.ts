import { alertDocumentSchema } from '../../src/respond/alert-notice';
import { alertPayload } from '../../src/respond/hooks/alert-payload';
import { candidateValues } from '../../src/respond/hooks/alert-values';
import { parseFunction, parsePrincipalArn, validateAccessKeyId } from '../../src/respond/hooks/aws-identifiers';
import { cloudTrailAlert } from './support/alerts';

describe('respond: values taken from alerts', () => {
  it('reads every source from the unmasked event before the masked alert, and picks values out of text by pattern', () => {
    const event = { message: 'leaked AKIAQWERTYUIOPASDFGH and AKIAZZZZZZZZZZZZZZZZ', user: { name: 'alice' } };
    const alert = { message: 'leaked AKIA****DFGH', user: { name: 'alice' } };
    const pattern = { field: 'message', pattern: '(AKIA[A-Z0-9*]{4,16})' };
    expect(candidateValues([pattern], [event, alert])).toEqual(['AKIAQWERTYUIOPASDFGH', 'AKIAZZZZZZZZZZZZZZZZ', 'AKIA****DFGH']);
    expect(candidateValues(['user.name', 'missing'], [undefined, alert])).toEqual(['alice']);
  });

  it('accepts only the strict shapes of keys, principals and functions', () => {
    expect(validateAccessKeyId('AKIAQWERTYUIOPASDFGH')).toEqual({ accessKeyId: 'AKIAQWERTYUIOPASDFGH' });
    expect(typeof validateAccessKeyId('AKIAQWERTYUIOPASDFGH ')).toBe('string');
    expect(parsePrincipalArn('arn:aws:sts::111122223333:assumed-role/ops/session')).toEqual({ kind: 'role', account: '111122223333', partition: 'aws', name: 'ops', arn: 'arn:aws:iam::111122223333:role/ops' });
    expect(parsePrincipalArn('arn:aws:iam::111122223333:user/team/bob')).toEqual(expect.objectContaining({ kind: 'user', name: 'bob' }));
    expect(typeof parsePrincipalArn('arn:aws:iam::111122223333:group/admins')).toBe('string');
    expect(typeof parsePrincipalArn('arn:aws:iam::111122223333:role/a:b')).toBe('string');
    expect(parseFunction('orders-api', '111122223333', 'eu-west-1')).toEqual({ name: 'orders-api', account: '111122223333', region: 'eu-west-1', arn: 'arn:aws:lambda:eu-west-1:111122223333:function:orders-api' });
    expect(typeof parseFunction('arn:aws:lambda:eu-west-1:111122223333:function:orders-api:$LATEST', undefined, undefined)).toBe('string');
    expect(typeof parseFunction('orders-api', undefined, 'eu-west-1')).toBe('string');
  });
});

describe('respond: alert payloads within size limits', () => {
  it('sends the whole alert when it fits, and sheds the raw line and then everything but the summary when not', () => {
    const alert = alertDocumentSchema.parse({ ...cloudTrailAlert(), event: { id: 'e', original: 'x'.repeat(300_000) }, message: 'y'.repeat(300_000) });
    expect(JSON.parse(alertPayload(alertDocumentSchema.parse(cloudTrailAlert()), 256 * 1024))).toEqual({ alert: cloudTrailAlert() });
    const trimmed = JSON.parse(alertPayload(alert, 256 * 1024, { action_id: 'a' })) as { truncated: boolean; action_id: string; alert: { event: Record<string, unknown>; message: string; rule: { id: string } } };
    expect(trimmed.truncated).toBe(true);
    expect(trimmed.action_id).toBe('a');
    expect(trimmed.alert.event['original']).toBeUndefined();
    expect(trimmed.alert.message.length).toBeLessThan(5_000);
    expect(trimmed.alert.rule.id).toBe('84050626-65cf-46d7-b376-f175659b5abe');
    expect(Buffer.byteLength(alertPayload(alert, 2_000))).toBeLessThanOrEqual(2_000);
  });
});
