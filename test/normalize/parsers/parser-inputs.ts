import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_NORMALIZE_CONFIG, type NormalizeConfig } from '../../../src/normalize/config';
import type { ParseInput } from '../../../src/normalize/parser';
import type { LogRecord } from '../../../src/schemas/log-record';

export const OWNER = '111122223333';

/** A parser input as `normalize` builds it: the message plus the envelope it came in. */
export function parseInput(message: string, options: { logGroup?: string; owner?: string; config?: NormalizeConfig } = {}): ParseInput {
  const record: LogRecord = {
    v: 1,
    owner: options.owner ?? OWNER,
    logGroup: options.logGroup ?? '/ecs/orders-api',
    logStream: 'stream-1',
    subscriptionFilters: ['logwarden'],
    id: '38000000000000000000000000000000000000000000000000000000',
    timestamp: 1764352991000,
    message,
  };
  return { message, record, config: options.config ?? DEFAULT_NORMALIZE_CONFIG };
}

const EVENTS = path.join(__dirname, '../../events');

/** The lines of a recorded fixture under test/events/ (one log event per line). */
export function fixtureLines(relative: string): string[] {
  return readFileSync(path.join(EVENTS, relative), 'utf8').split('\n').filter((line) => line !== '');
}

/** Line `index` (0-based) of a recorded fixture; a missing line is a broken test, so it throws. */
export function fixtureLine(relative: string, index: number): string {
  const line = fixtureLines(relative)[index];
  if (line === undefined) throw new Error(`${relative} has no line ${index}`);
  return line;
}

/** A recorded JSON fixture as the single-line message CloudWatch Logs carries. */
export function fixtureMessage(relative: string): string {
  return JSON.stringify(JSON.parse(readFileSync(path.join(EVENTS, relative), 'utf8')));
}
