import { PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import type { ZeroFunctionConcurrencyConfig } from '../config/hook-config';
import { alertLocation, documentsOf } from './alert-location';
import { candidateValues, firstValid } from './alert-values';
import type { AwsClients } from './aws-clients';
import { callOf, STACK } from './aws-call';
import { classifyAwsError } from './aws-errors';
import { matchesNamePattern, parseFunction, validateAccount } from './aws-identifiers';
import type { LambdaFunction } from './aws-identifiers';
import type { Hook } from './hook';

/**
 * Isolates a function by setting its reserved concurrency to 0: every invocation is throttled
 * until `aws lambda delete-function-concurrency` (or a new value) undoes it. The call names the
 * function by full ARN, so it can only ever land in the alert's own account and region.
 */
export function createFunctionConcurrencyHook(name: string, config: ZeroFunctionConcurrencyConfig, clients: AwsClients): Hook {
  const isProtected = (fn: string): boolean => config.protectedFunctions.some((p) => matchesNamePattern(fn, p));
  return {
    name,
    config,
    plan(context) {
      const { account, region } = alertLocation(context);
      const validate = (value: string): LambdaFunction | string => {
        const fn = parseFunction(value, account, region);
        if (typeof fn === 'string') return fn;
        const accountProblem = validateAccount(fn.account, context.accounts);
        if (accountProblem !== undefined) return accountProblem;
        return isProtected(fn.name) ? `function ${fn.name} is protected (protectedFunctions)` : fn;
      };
      const fn = firstValid(candidateValues(config.functionName, documentsOf(context)), validate, 'Lambda function');
      if (!fn.ok) return fn;
      const input = { FunctionName: fn.value.arn, ReservedConcurrentExecutions: 0 };
      return { ok: true, plan: { target: fn.value.arn, request: { account: fn.value.account, calls: [{ service: 'lambda', operation: 'PutFunctionConcurrency', input }] } } };
    },
    async execute(plan) {
      const call = callOf(plan.request, 'PutFunctionConcurrency');
      const fn = parseFunction(String(call.input['FunctionName']), undefined, undefined);
      if (typeof fn === 'string' || isProtected(fn.name)) return { kind: 'permanent', error: `refusing to throttle ${String(call.input['FunctionName'])}` };
      try {
        await clients.lambda().send(new PutFunctionConcurrencyCommand({ FunctionName: fn.arn, ReservedConcurrentExecutions: 0 }));
        return { kind: 'done', detail: { functionArn: fn.arn, undo: `aws lambda delete-function-concurrency --function-name ${fn.arn}` } };
      } catch (err) {
        return classifyAwsError('lambda:PutFunctionConcurrency', err);
      }
    },
    permissions(accounts) {
      return [{ Effect: 'Allow', Action: ['lambda:PutFunctionConcurrency'], Resource: accounts.map((a) => `arn:${STACK.partition}:lambda:${STACK.region}:${a}:function:*`) }];
    },
  };
}
