/**
 * Checks for the values of a flow log line, by field: a value of the wrong shape means the
 * configured format does not describe the line, and the line fails with the field named.
 * Unknown (newer) fields are not checked.
 */
import { isIP } from 'node:net';
import { integerOf } from '../../field-tree';

const IP_FIELDS = new Set(['srcaddr', 'dstaddr', 'pkt-srcaddr', 'pkt-dstaddr']);
const INTEGER_LIMITS: ReadonlyMap<string, number> = new Map([
  ['version', 255],
  ['srcport', 65535],
  ['dstport', 65535],
  ['protocol', 255],
  ['tcp-flags', 65535],
  ['traffic-path', 255],
  ['packets', Number.MAX_SAFE_INTEGER],
  ['bytes', Number.MAX_SAFE_INTEGER],
  // Unix seconds; bounded so that the ISO conversion cannot go out of Date's range.
  ['start', 9_999_999_999],
  ['end', 9_999_999_999],
]);
const ACTIONS = new Set(['ACCEPT', 'REJECT']);

/** Why `value` cannot be field `name` of a flow record, or undefined when it can. */
export function checkFlowValue(name: string, value: string): string | undefined {
  if (IP_FIELDS.has(name)) return isIP(value) === 0 ? `${name} ${preview(value)} is not an IP address` : undefined;
  const limit = INTEGER_LIMITS.get(name);
  if (limit !== undefined) {
    const number = integerOf(value);
    return number === undefined || number > limit ? `${name} ${preview(value)} is not an integer from 0 to ${limit}` : undefined;
  }
  if (name === 'action' && !ACTIONS.has(value)) return `action ${preview(value)} is neither ACCEPT nor REJECT`;
  return undefined;
}

/** Unix seconds as an ISO 8601 time (A9: `start`/`end` are "the time, in Unix seconds"). */
export function isoFromEpochSeconds(value: string | undefined): string | undefined {
  const seconds = value === undefined ? undefined : integerOf(value);
  return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
}

function preview(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
}
