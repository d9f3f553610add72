import type { ExecutionResult } from './hook';

// Error names the SDK and AWS services use for conditions that clear by themselves.
const TRANSIENT_NAMES = new Set([
  'ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded',
  'ServiceUnavailable', 'ServiceUnavailableException', 'InternalFailure', 'InternalError', 'InternalErrorException',
  'InternalServerError', 'ServiceException', 'ServiceFailureException', 'KMSThrottlingException', 'RequestTimeout',
  'RequestTimeoutException', 'TimeoutError', 'EC2ThrottledException', 'ResourceConflictException',
  'ConcurrentModification', 'ConcurrentModificationException', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE',
]);

interface SdkErrorShape {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** An SDK call's error as an execution result: retry what can clear, give up on the rest. */
export function classifyAwsError(operation: string, error: unknown): Extract<ExecutionResult, { kind: 'transient' | 'permanent' }> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const name = e.name ?? e.code ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const message = `${operation}: ${name}: ${e.message ?? String(error)}`.slice(0, 2_000);
  const transient = e.$retryable !== undefined || TRANSIENT_NAMES.has(name) || (e.code !== undefined && TRANSIENT_NAMES.has(e.code)) || status === 429 || (status !== undefined && status >= 500);
  return { kind: transient ? 'transient' : 'permanent', error: message };
}
