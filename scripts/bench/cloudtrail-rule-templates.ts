import type { RuleTemplate } from './rule-draft';
import { CLOUDTRAIL_LOGSOURCE, mixValues } from './rule-draft';
import { CLOUDTRAIL_UA_TOKENS, fakeIndicator, fakeNetwork, fakeToolName, HOSTILE_NETWORKS } from './rule-vocabulary';
import type { ServiceProfile } from './cloudtrail-vocabulary';
import { ERROR_CODES, IAM_USERS, ROLES, SERVICES } from './cloudtrail-vocabulary';
import type { Prng } from './prng';

// Rules read the record the normalizer keeps whole under aws.cloudtrail (DESIGN.md "Normalized event").
const CT = 'aws.cloudtrail';

/** Mostly the calls detections watch (rare), sometimes an everyday one narrowed by another condition. */
function watchedCalls(prng: Prng, service: ServiceProfile): { names: string[]; common: boolean } {
  const sensitive = service.calls.filter((c) => c.sensitive === true).map((c) => c.name);
  if (sensitive.length > 0 && prng.chance(0.85)) return { names: prng.sample(sensitive, prng.int(1, 4)), common: false };
  return { names: [prng.pick(service.calls).name], common: true };
}

const withSensitiveCalls = (): readonly ServiceProfile[] => SERVICES.filter((s) => s.calls.some((c) => c.sensitive === true));

/** Detections over CloudTrail management events. */
export const CLOUDTRAIL_RULE_TEMPLATES: readonly RuleTemplate[] = [
  {
    name: 'cloudtrail-api-call',
    weight: 20,
    build: (prng) => {
      const service = prng.pick(withSensitiveCalls());
      const { names, common } = watchedCalls(prng, service);
      const narrow = common ? { [`${CT}.userIdentity.userName`]: mixValues(prng, [], () => `${fakeToolName(prng)}-admin`, 1, 2) } : {};
      return {
        title: `${names.join(', ')} On ${service.source.split('.')[0]} (${prng.hex(4)})`,
        description: `Detects ${names.join(', ')} calls, used to weaken defenses or gain persistence.`,
        logsource: CLOUDTRAIL_LOGSOURCE,
        detection: {
          selection: { [`${CT}.eventSource`]: service.source, [`${CT}.eventName`]: names, ...narrow },
          filter_service: { [`${CT}.userIdentity.type`]: 'AWSService' },
          filter_pipeline: { [`${CT}.userIdentity.arn|contains`]: [`role/${prng.pick(ROLES)}/`] },
          condition: prng.pick(['selection', 'selection and not filter_service', 'selection and not 1 of filter_*']),
        },
        tags: ['attack.defense-evasion', 'attack.t1562.008'],
        level: prng.pick(['medium', 'high', 'critical']),
        falsepositives: ['Administrators changing the configuration through change management'],
      };
    },
  },
  {
    name: 'cloudtrail-denied-changes',
    weight: 4,
    build: (prng) => ({
      title: `Denied ${prng.pick(['Delete', 'Put', 'Create', 'Update'])} Calls (${prng.hex(4)})`,
      description: 'Detects denied write calls, typical of an attacker probing stolen credentials.',
      logsource: CLOUDTRAIL_LOGSOURCE,
      detection: {
        selection: { [`${CT}.eventName|startswith`]: prng.sample(['Delete', 'Put', 'Create', 'Update', 'Attach', 'Stop'], prng.int(1, 3)), [`${CT}.errorCode`]: prng.sample(ERROR_CODES, 2) },
        filter_user: { [`${CT}.userIdentity.userName`]: prng.pick(IAM_USERS) },
        condition: 'selection and not filter_user',
      },
      tags: ['attack.discovery', 'attack.t1580'],
      level: 'medium',
      falsepositives: ['Misconfigured automation'],
    }),
  },
  {
    name: 'cloudtrail-offensive-user-agent',
    weight: 4,
    build: (prng) => ({
      title: `Offensive Tooling User Agent ${fakeToolName(prng)}`,
      description: 'Detects API calls made from penetration-testing distributions and cloud attack frameworks.',
      logsource: CLOUDTRAIL_LOGSOURCE,
      detection: { selection: { [`${CT}.userAgent|contains`]: mixValues(prng, CLOUDTRAIL_UA_TOKENS, () => fakeToolName(prng), 1, 3) }, condition: 'selection' },
      tags: ['attack.execution', 'attack.t1059.009'],
      level: 'high',
      falsepositives: ['Authorized red team exercises'],
    }),
  },
  {
    name: 'cloudtrail-root-activity',
    weight: 1,
    build: (prng) => ({
      title: `Root Account ${prng.pick(['Usage', 'Activity', 'API Call'])} ${prng.hex(4)}`,
      description: 'Detects use of the root user, which day-to-day operations never need.',
      logsource: CLOUDTRAIL_LOGSOURCE,
      detection: {
        selection: { [`${CT}.userIdentity.type`]: 'Root', [`${CT}.eventSource`]: prng.pick(SERVICES).source },
        filter_service_event: { [`${CT}.eventType`]: 'AwsServiceEvent' },
        condition: 'selection and not filter_service_event',
      },
      tags: ['attack.privilege-escalation', 'attack.t1078.004'],
      level: 'medium',
      falsepositives: ['Account recovery'],
    }),
  },
  {
    name: 'cloudtrail-console-login-failure',
    weight: 2,
    build: (prng) => ({
      title: `Console Login Failure ${prng.pick(['Without MFA', 'From Listed Network', ''])} ${prng.hex(4)}`.replace(/\s+/g, ' '),
      description: 'Detects failed console sign-ins, alone or from listed networks.',
      logsource: CLOUDTRAIL_LOGSOURCE,
      detection: {
        selection: { [`${CT}.eventName`]: 'ConsoleLogin', [`${CT}.responseElements.ConsoleLogin`]: 'Failure' },
        selection_network: { [`${CT}.sourceIPAddress|cidr`]: mixValues(prng, HOSTILE_NETWORKS, () => fakeNetwork(prng), 1, 2) },
        selection_mfa: { [`${CT}.additionalEventData.MFAUsed`]: 'No' },
        condition: prng.pick(['selection', 'selection and selection_network', 'selection and selection_mfa']),
      },
      tags: ['attack.credential-access', 'attack.t1110'],
      level: 'medium',
      falsepositives: ['Users mistyping passwords'],
    }),
  },
  {
    name: 'cloudtrail-network-and-call',
    weight: 4,
    build: (prng) => {
      const service = prng.pick(SERVICES);
      return {
        title: `${service.source.split('.')[0]} Calls From Listed Network ${prng.hex(4)}`,
        description: 'Detects API calls from networks on a threat-intelligence list.',
        logsource: CLOUDTRAIL_LOGSOURCE,
        detection: {
          selection: { [`${CT}.eventSource`]: service.source, [`${CT}.sourceIPAddress|cidr`]: mixValues(prng, HOSTILE_NETWORKS, () => fakeNetwork(prng), 1, 3) },
          condition: 'selection',
        },
        tags: ['attack.initial-access', 'attack.t1078.004'],
        level: 'high',
        falsepositives: ['Unknown'],
      };
    },
  },
  {
    name: 'cloudtrail-exposure',
    weight: 3,
    build: (prng) =>
      prng.chance(0.5)
        ? {
            title: `Bucket Policy Grants Public Access ${prng.hex(4)}`,
            description: 'Detects a bucket policy whose principal is everyone.',
            logsource: CLOUDTRAIL_LOGSOURCE,
            detection: { selection: { [`${CT}.eventName`]: 'PutBucketPolicy', [`${CT}.requestParameters.bucketPolicy.Statement.Principal`]: '*' }, condition: 'selection' },
            tags: ['attack.exfiltration', 'attack.t1537'],
            level: 'high',
            falsepositives: ['Static website buckets'],
          }
        : {
            title: `Security Group Opened To The Internet ${prng.hex(4)}`,
            description: 'Detects an ingress rule allowing any address.',
            logsource: CLOUDTRAIL_LOGSOURCE,
            detection: {
              selection: { [`${CT}.eventName`]: 'AuthorizeSecurityGroupIngress', [`${CT}.requestParameters.ipPermissions.items.ipRanges.items.cidrIp`]: ['0.0.0.0/0', '::/0'] },
              condition: 'selection',
            },
            tags: ['attack.defense-evasion', 'attack.t1562.007'],
            level: 'medium',
            falsepositives: ['Public load balancers'],
          },
  },
  {
    name: 'cloudtrail-indicator',
    weight: 4,
    build: (prng) => ({
      title: `Known Malicious Resource Name ${fakeIndicator(prng)}`,
      description: 'Detects resources named like those a known intrusion set creates.',
      logsource: CLOUDTRAIL_LOGSOURCE,
      detection: {
        selection_user: { [`${CT}.requestParameters.userName|startswith`]: [fakeToolName(prng)] },
        selection_bucket: { [`${CT}.requestParameters.bucketName|contains`]: [fakeIndicator(prng)] },
        condition: '1 of selection_*',
      },
      tags: ['attack.persistence', 'attack.t1136.003'],
      level: 'critical',
      falsepositives: ['Unlikely'],
    }),
  },
];
