import { fakeAccessKeyId, fakeSecretAccessKey } from './attacks/fake-secrets';
import { SamplePrng } from './prng';
import { atClock, DAY_MS, MINUTE_MS } from './sample-time';

/** The account and addresses of the sample (fake account, RFC 5737 documentation addresses for attackers). */
export const SAMPLE_ACCOUNT = '111122223333';
export const SAMPLE_REGION = 'eu-west-1';
export const SUBSCRIPTION_FILTER = 'logwarden';

export const ATTACKER_IPS = {
  /** The attacker who probes the API by hand, then uses the leaked key and tampers with the pipeline. */
  operator: '198.51.100.23',
  rootLogin: '203.0.113.66',
  nikto: '198.51.100.77',
  sqlmap: '203.0.113.45',
  nuclei: '198.51.100.14',
  credentialStuffing: '203.0.113.99',
} as const;

/**
 * When things happen during the sampled day. Everything is placed relative to the start, with a
 * few minutes of seeded jitter, so another seed moves events but keeps the story: a key leaks in
 * function logs at night, the attacker probes the API, uses the key, signs in as root, disables
 * defences, and in the evening tampers with Logwarden itself.
 */
export interface SampleTimeline {
  readonly start: number;
  readonly end: number;
  readonly account: string;
  readonly region: string;
  /** `aws-cloudtrail-logs-<account>-<8 hex>`, as the console names a trail's log group. */
  readonly cloudTrailLogGroup: string;
  /** The long-term key payments-worker prints at every cold start until the fix is deployed. */
  readonly leakedKey: { readonly userName: string; readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly at: {
    readonly paymentsFix: number;
    readonly manualProbe: number;
    readonly leakedKeyUse: number;
    readonly rootLogin: number;
    readonly defenceEvasion: number;
    readonly nikto: number;
    readonly sqlmap: number;
    readonly debugLogging: number;
    readonly thumbnailerBadDeploy: number;
    readonly thumbnailerRollback: number;
    readonly nuclei: number;
    readonly privateKeyLeak: number;
    readonly reportBadDeploy: number;
    readonly reportRollback: number;
    readonly outOfMemory: number;
    readonly loginBurst: number;
    readonly ordersTimeouts: readonly number[];
    readonly paymentsTimeout: number;
    readonly tampering: number;
    /** When the logwarden filter leaves /aws/lambda/orders-api: later events of that group are never delivered. */
    readonly subscriptionFilterDeleted: number;
  };
}

export function planTimeline(seed: number, start: number): SampleTimeline {
  const prng = SamplePrng.forPart(seed, 'timeline');
  const clock = (h: number, m: number, jitter: number) => atClock(start, h, m, prng, jitter);
  const thumbnailerBadDeploy = clock(11, 2, 5);
  const reportBadDeploy = clock(15, 38, 5);
  const tampering = clock(22, 38, 5);
  return {
    start,
    end: start + DAY_MS,
    account: SAMPLE_ACCOUNT,
    region: SAMPLE_REGION,
    cloudTrailLogGroup: `aws-cloudtrail-logs-${SAMPLE_ACCOUNT}-${prng.hex(8)}`,
    leakedKey: { userName: 'svc-reporting', accessKeyId: fakeAccessKeyId(prng), secretAccessKey: fakeSecretAccessKey(prng) },
    at: {
      paymentsFix: clock(9, 20, 10),
      manualProbe: clock(1, 41, 8),
      leakedKeyUse: clock(2, 10, 6),
      rootLogin: clock(2, 41, 5),
      defenceEvasion: clock(3, 2, 5),
      nikto: clock(4, 12, 10),
      sqlmap: clock(9, 31, 10),
      debugLogging: clock(10, 20, 5),
      thumbnailerBadDeploy,
      thumbnailerRollback: thumbnailerBadDeploy + prng.int(5, 7) * MINUTE_MS,
      nuclei: clock(13, 5, 10),
      privateKeyLeak: clock(14, 22, 10),
      reportBadDeploy,
      reportRollback: reportBadDeploy + prng.int(24, 28) * MINUTE_MS,
      outOfMemory: clock(17, 45, 10),
      loginBurst: clock(19, 12, 10),
      ordersTimeouts: [clock(12, 17, 10), clock(18, 40, 10)],
      paymentsTimeout: clock(20, 33, 10),
      tampering,
      subscriptionFilterDeleted: tampering + prng.int(300, 420) * 1000,
    },
  };
}
