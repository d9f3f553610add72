import { isPlainObject, type FieldTree } from '../../field-tree';

/** ECS `event.category` / `event.type` for a CloudTrail event, where the mapping is obvious. */
export interface EventKind {
  readonly category: readonly string[];
  readonly type: readonly string[];
}

/** Sign-in and token issuance calls (signin.amazonaws.com, sts.amazonaws.com). */
const AUTHENTICATION: ReadonlyMap<string, readonly string[]> = new Map([
  ['signin.amazonaws.com:ConsoleLogin', ['start']],
  ['signin.amazonaws.com:SwitchRole', ['start']],
  ['signin.amazonaws.com:ExitRole', ['end']],
  ['signin.amazonaws.com:CheckMfa', ['info']],
  ['sts.amazonaws.com:AssumeRole', ['start']],
  ['sts.amazonaws.com:AssumeRoleWithSAML', ['start']],
  ['sts.amazonaws.com:AssumeRoleWithWebIdentity', ['start']],
  ['sts.amazonaws.com:AssumeRoot', ['start']],
  ['sts.amazonaws.com:GetSessionToken', ['start']],
  ['sts.amazonaws.com:GetFederationToken', ['start']],
]);

const CREATION_VERBS = ['Create', 'Add', 'Attach', 'Run', 'Register', 'Allocate', 'Import'];
const DELETION_VERBS = ['Delete', 'Remove', 'Detach', 'Deregister', 'Terminate', 'Release'];
const READ_VERBS = ['Get', 'List', 'Describe', 'Head', 'Lookup', 'Generate'];

export function classifyEvent(event: FieldTree, eventSource: string, eventName: string): EventKind | undefined {
  const authentication = AUTHENTICATION.get(`${eventSource}:${eventName}`);
  if (authentication !== undefined) return { category: ['authentication'], type: authentication };
  const readOnly = typeof event.readOnly === 'boolean' ? event.readOnly : startsWithVerb(eventName, READ_VERBS);
  if (eventSource === 'iam.amazonaws.com') {
    return { category: ['iam'], type: readOnly ? ['info'] : [changeType(eventName), ...iamSubjects(eventName)] };
  }
  // Data events (S3 objects, Lambda invocations) are not configuration; reads change nothing.
  if (readOnly || event.managementEvent === false) return undefined;
  return { category: ['configuration'], type: [changeType(eventName)] };
}

/**
 * Failure when CloudTrail reports an error, or when a sign-in event says so in its response
 * (`"responseElements":{"ConsoleLogin":"Failure"}` carries no errorCode: A8 sample).
 */
export function outcomeOf(event: FieldTree, eventSource: string, eventName: string): 'success' | 'failure' {
  if (event.errorCode !== undefined && event.errorCode !== null && event.errorCode !== '') return 'failure';
  const response = event.responseElements;
  return eventSource === 'signin.amazonaws.com' && isPlainObject(response) && response[eventName] === 'Failure' ? 'failure' : 'success';
}

function changeType(eventName: string): string {
  if (startsWithVerb(eventName, CREATION_VERBS)) return 'creation';
  if (startsWithVerb(eventName, DELETION_VERBS)) return 'deletion';
  return 'change';
}

/** ECS iam types naming the subject: `user` (users, their keys and passwords) and `group`. */
function iamSubjects(eventName: string): string[] {
  const subjects: string[] = [];
  if (/User|AccessKey|LoginProfile|MFADevice/.test(eventName)) subjects.push('user');
  if (eventName.includes('Group')) subjects.push('group');
  return subjects;
}

/** `DeleteTrail` starts with `Delete`; `Runtime…` does not start with `Run` (next letter must be upper case). */
function startsWithVerb(eventName: string, verbs: readonly string[]): boolean {
  return verbs.some((verb) => {
    if (!eventName.startsWith(verb)) return false;
    const next = eventName.charAt(verb.length);
    return next === '' || (next >= 'A' && next <= 'Z');
  });
}
