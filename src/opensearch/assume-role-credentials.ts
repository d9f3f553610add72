import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { OpenSearchCredentialsProvider } from './client';

/** One hour: the default maximum session of a role, refreshed by the signer before it expires. */
const SESSION_SECONDS = 3600;

/**
 * Credentials of a role the function assumes to sign OpenSearch requests (the deployed stack's
 * OpenSearch access role, which is the domain's fine-grained-access-control master user). The
 * signer calls this again when the credentials would expire within the request timeout.
 */
export function assumeRoleCredentials(roleArn: string, sessionName: string, sts: STSClient = new STSClient({})): OpenSearchCredentialsProvider {
  return async () => {
    const result = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: SESSION_SECONDS }));
    const c = result.Credentials;
    if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined || c.SessionToken === undefined) {
      throw new Error(`AssumeRole ${roleArn} returned no credentials`);
    }
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, ...(c.Expiration === undefined ? {} : { expiration: c.Expiration }) };
  };
}
