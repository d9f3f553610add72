/** A managed runtime as INIT_START names it (`Runtime Version: nodejs:20.v43`). */
export interface LambdaRuntime {
  readonly id: 'nodejs20.x' | 'python3.12';
  readonly language: 'node' | 'python';
  readonly runtimeVersion: string;
  readonly runtimeVersionArn: string;
}

export const NODEJS_20: LambdaRuntime = {
  id: 'nodejs20.x',
  language: 'node',
  runtimeVersion: 'nodejs:20.v43',
  runtimeVersionArn: 'arn:aws:lambda:eu-west-1::runtime:8f2c6a1e4b9d7c3f5a0e2d4b6c8a1f3e5d7b9c0a2e4f6b8d1c3a5e7f9b0d2c4a',
};

export const PYTHON_312: LambdaRuntime = {
  id: 'python3.12',
  language: 'python',
  runtimeVersion: 'python:3.12.v38',
  runtimeVersionArn: 'arn:aws:lambda:eu-west-1::runtime:3d5f7b9a1c2e4d6f8a0b2c4e6f8a1b3d5e7f9a2c4b6d8e0f1a3c5e7b9d2f4a6c',
};

/** A function's configuration: what its REPORT lines and log format follow from. */
export interface LambdaFunction {
  readonly name: string;
  readonly runtime: LambdaRuntime;
  /** LoggingConfig.LogFormat (A6): Text, or JSON for system and application logs. */
  readonly logFormat: 'Text' | 'JSON';
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  /** Active X-Ray tracing adds XRAY fields to REPORT (A3). */
  readonly tracing: boolean;
  /** Typical Max Memory Used of a fresh environment, in MB. */
  readonly baseMemoryMb: number;
  /** Init Duration range of a cold start, in ms. */
  readonly initMs: readonly [number, number];
}

export function logGroupOf(fn: LambdaFunction): string {
  return `/aws/lambda/${fn.name}`;
}
