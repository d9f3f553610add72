import type { RuleTestLog } from '../schemas/rule-tests';
import type { NormalizeTestLog } from '../sigma/testing/run-rule-tests';
import { createNormalizer } from './create-normalizer';
import type { Normalizer } from './normalize-record';
import { normalizeRecord } from './normalize-record';

const TEST_ACCOUNT = '123456789012';
const TEST_TIME = '2026-01-15T10:00:00.000Z';

/**
 * Rule tests' raw log lines through the real normalizer: the envelope CloudWatch would send
 * (log group, stream, owner, time), the line or JSON record as the message.
 */
export function createTestLogNormalizer(normalizer: Normalizer = createNormalizer()): NormalizeTestLog {
  let sequence = 0;
  return (log: RuleTestLog) => {
    sequence++;
    const message = log.line ?? JSON.stringify(log.record);
    const event = normalizeRecord(
      {
        v: 1,
        owner: log.account ?? TEST_ACCOUNT,
        logGroup: log.group,
        logStream: log.stream ?? '2026/01/15/[$LATEST]0123456789abcdef0123456789abcdef',
        subscriptionFilters: ['logwarden-rule-tests'],
        id: String(sequence).padStart(56, '0'),
        timestamp: Date.parse(log.timestamp ?? TEST_TIME),
        message,
      },
      normalizer,
    );
    return event as Record<string, unknown>;
  };
}
