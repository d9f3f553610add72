import { z } from 'zod';

/** One AWS API call of a plan: what `respond test` prints and what is sent, input as the SDK takes it. */
export const awsCallSchema = z.strictObject({
  service: z.string(),
  operation: z.string(),
  input: z.record(z.string(), z.unknown()),
});

export type AwsCall = z.infer<typeof awsCallSchema>;

export const awsCallsRequestSchema = z.strictObject({ account: z.string().optional(), calls: z.array(awsCallSchema).min(1) });

/** CloudFormation `Fn::Sub` placeholders: the deployment fills in its own partition, region and account. */
export const STACK = { partition: '${AWS::Partition}', region: '${AWS::Region}', account: '${AWS::AccountId}' } as const;

/** The call of a given operation in a stored plan, or an error naming what is missing. */
export function callOf(request: Readonly<Record<string, unknown>>, operation: string): AwsCall {
  const parsed = awsCallsRequestSchema.parse(request);
  const call = parsed.calls.find((c) => c.operation === operation);
  if (call === undefined) throw new Error(`the plan has no ${operation} call`);
  return call;
}
