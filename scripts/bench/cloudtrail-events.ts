import { accessKeyId, cloudwatchEventId, ipFromPrefix, isoTime, publicIp } from './event-context';
import type { EventContext } from './event-context';
import type { CloudTrailIdentity, CloudTrailRecord, JsonObject, NormalizedEvent } from './normalized-event';
import { EVENT_DATASETS } from './normalized-event';
import type { Prng } from './prng';
import type { ServiceProfile } from './cloudtrail-vocabulary';
import {
  ACCOUNTS,
  AWS_SERVICE_PRINCIPALS,
  CLOUDTRAIL_USER_AGENTS,
  ERROR_CODES,
  HOSTILE_IP_PREFIXES,
  IAM_USERS,
  OFFICE_IP_PREFIXES,
  REGIONS,
  ROLES,
  SERVICES,
  SUSPICIOUS_CLOUDTRAIL_USER_AGENTS,
} from './cloudtrail-vocabulary';
import { FUNCTIONS } from './web-vocabulary';
import { cloudTrailRequest } from './cloudtrail-parameters';

type IdentityKind = 'AssumedRole' | 'IAMUser' | 'AWSService' | 'Root';

function identity(prng: Prng, kind: IdentityKind, account: string): CloudTrailIdentity {
  switch (kind) {
    case 'AssumedRole': {
      const role = prng.pick(ROLES);
      const session = prng.chance(0.5) ? prng.pick(IAM_USERS) : `session-${prng.hex(8)}`;
      return {
        type: kind,
        principalId: `AROA${prng.chars(17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}:${session}`,
        arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
        accountId: account,
        accessKeyId: accessKeyId(prng, 'ASIA'),
      };
    }
    case 'IAMUser': {
      const user = prng.pick(IAM_USERS);
      return {
        type: kind,
        principalId: `AIDA${prng.chars(17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`,
        arn: `arn:aws:iam::${account}:user/${user}`,
        accountId: account,
        accessKeyId: accessKeyId(prng, 'AKIA'),
        userName: user,
      };
    }
    case 'Root':
      return { type: kind, principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account, accessKeyId: accessKeyId(prng, 'ASIA') };
    case 'AWSService':
      return { type: kind, invokedBy: prng.pick(AWS_SERVICE_PRINCIPALS) };
  }
}

function isReadOnly(name: string): boolean {
  return /^(Get|List|Describe|Lookup|Head|Filter|Decrypt|GenerateDataKey|Encrypt)/.test(name);
}

function category(source: string, readOnly: boolean): string[] {
  if (source.startsWith('iam.')) return ['iam'];
  if (source.startsWith('signin.') || source.startsWith('sts.')) return ['authentication'];
  return readOnly ? ['web'] : ['configuration'];
}

interface RecordChoice {
  readonly service: ServiceProfile;
  readonly name: string;
  readonly identity: IdentityKind;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly errorCode?: string;
}

function backgroundChoice(prng: Prng): RecordChoice {
  const service = prng.weighted(SERVICES.map((s) => [s, s.weight] as const));
  const name = prng.weighted(service.calls.map((c) => [c.name, c.weight] as const));
  const kind = prng.weighted<IdentityKind>([['AssumedRole', 60], ['IAMUser', 18], ['AWSService', 20], ['Root', 0.3]]);
  return { service, name, identity: kind, ...(prng.chance(0.03) ? { errorCode: prng.pick(ERROR_CODES) } : {}) };
}

const SENSITIVE_CALLS = SERVICES.flatMap((service) => service.calls.filter((c) => c.sensitive === true).map((c) => ({ service, name: c.name })));
const SIGNIN = SERVICES.find((s) => s.source === 'signin.amazonaws.com') as ServiceProfile;

/** Defense evasion, persistence or credential access as CloudTrail records it. */
function attackChoice(prng: Prng): RecordChoice {
  const pick = prng.chance(0.2) ? { service: SIGNIN, name: 'ConsoleLogin' } : prng.pick(SENSITIVE_CALLS);
  return {
    ...pick,
    identity: prng.weighted<IdentityKind>([['IAMUser', 50], ['AssumedRole', 35], ['Root', 15]]),
    ...(prng.chance(0.6) ? { sourceIp: ipFromPrefix(prng, prng.pick(HOSTILE_IP_PREFIXES)) } : {}),
    ...(prng.chance(0.5) ? { userAgent: prng.pick(SUSPICIOUS_CLOUDTRAIL_USER_AGENTS) } : {}),
    ...(prng.chance(0.2) ? { errorCode: 'AccessDenied' } : {}),
  };
}

/** A CloudTrail record delivered through a CloudTrail log group, normalized with the record kept whole. */
export function cloudTrailEvent(ctx: EventContext, attack: boolean): NormalizedEvent {
  const { prng } = ctx;
  const choice = attack ? attackChoice(prng) : backgroundChoice(prng);
  const account = prng.pick(ACCOUNTS);
  const region = choice.service.source === 'signin.amazonaws.com' || choice.service.source === 'iam.amazonaws.com' ? 'us-east-1' : prng.pick(REGIONS);
  const who = identity(prng, choice.identity, account);
  const viaService = who.invokedBy;
  const sourceIp = choice.sourceIp ?? viaService ?? (prng.chance(0.5) ? publicIp(prng) : `${prng.pick(OFFICE_IP_PREFIXES)}${prng.int(1, 254)}`);
  const userAgent = choice.userAgent ?? viaService ?? (choice.service.source === 'signin.amazonaws.com' ? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36' : prng.pick(CLOUDTRAIL_USER_AGENTS));
  const ms = ctx.now();
  const readOnly = isReadOnly(choice.name);
  const failed = choice.errorCode !== undefined;
  const request = cloudTrailRequest(prng, { source: choice.service.source, name: choice.name, account, region, failed, hostile: attack, functions: FUNCTIONS.map((f) => f.name) });
  const record: CloudTrailRecord = {
    eventVersion: '1.09',
    userIdentity: who,
    eventTime: isoTime(ms).replace(/\.\d{3}Z$/, 'Z'),
    eventSource: choice.service.source,
    eventName: choice.name,
    awsRegion: region,
    sourceIPAddress: sourceIp,
    userAgent,
    ...(choice.errorCode === undefined ? {} : { errorCode: choice.errorCode, errorMessage: `User: ${who.arn ?? 'unknown'} is not authorized to perform: ${choice.service.source.split('.')[0]}:${choice.name}` }),
    requestParameters: request.requestParameters,
    responseElements: request.responseElements,
    ...(request.additionalEventData === undefined ? {} : { additionalEventData: request.additionalEventData }),
    requestID: prng.uuid(),
    eventID: prng.uuid(),
    readOnly,
    eventType: choice.name === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
  };
  const loginFailed = (request.responseElements as JsonObject | null)?.['ConsoleLogin'] === 'Failure';
  return {
    '@timestamp': isoTime(ms),
    event: {
      kind: 'event',
      category: category(choice.service.source, readOnly),
      type: readOnly ? ['access'] : ['change'],
      dataset: EVENT_DATASETS.cloudtrail,
      original: JSON.stringify(record),
      action: choice.name,
      provider: choice.service.source,
      outcome: failed || loginFailed ? 'failure' : 'success',
    },
    cloud: { provider: 'aws', region, account: { id: account } },
    aws: {
      cloudwatch: { log_group: `aws-cloudtrail-logs-${account}-7c1e3a5f`, log_stream: `${account}_CloudTrail_${region}`, event_id: cloudwatchEventId(prng), owner: account },
      cloudtrail: record,
    },
    ...(viaService === undefined ? { source: { ip: sourceIp } } : {}),
    user_agent: { original: userAgent },
  };
}
