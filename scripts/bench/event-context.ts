import type { Prng } from './prng';

/** State shared by the event builders of one generator: the PRNG and a clock moving forward. */
export interface EventContext {
  readonly prng: Prng;
  /** Milliseconds since the epoch, advancing a little with each call. */
  now(): number;
}

const START_TIME = Date.UTC(2025, 10, 28, 18, 0, 0);

export function createEventContext(prng: Prng): EventContext {
  let clock = START_TIME;
  return {
    prng,
    now: () => {
      clock += prng.int(0, 40);
      return clock;
    },
  };
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** CloudWatch Logs event ids are 56-digit decimal strings. */
export function cloudwatchEventId(prng: Prng): string {
  return `3${prng.digits(55)}`;
}

export function publicIp(prng: Prng): string {
  // Skip 10/8, 127/8 and multicast so "public" addresses look public.
  const first = prng.pick([3, 18, 34, 52, 81, 86, 91, 109, 145, 176, 188, 212, 217]);
  return `${first}.${prng.int(0, 255)}.${prng.int(0, 255)}.${prng.int(1, 254)}`;
}

export function ipFromPrefix(prng: Prng, prefix: string): string {
  return `${prefix}${prng.int(1, 254)}`;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Long-term IAM user keys start with AKIA, temporary STS keys with ASIA (IAM User Guide, "Unique identifiers"). */
export function accessKeyId(prng: Prng, prefix: 'AKIA' | 'ASIA'): string {
  return prefix + prng.chars(16, KEY_ALPHABET);
}

/** Fills `{id}`, `{ms}`, `{word}` and `{akia}` placeholders of a vocabulary template. */
export function fillTemplate(prng: Prng, template: string, words: readonly string[]): string {
  return template.replace(/\{(id|ms|word|akia)\}/g, (_match, name: string) => {
    switch (name) {
      case 'id':
        return String(prng.int(1, 99999));
      case 'ms':
        return String(prng.int(2, 3000));
      case 'word':
        return prng.pick(words);
      default:
        return accessKeyId(prng, 'AKIA');
    }
  });
}
