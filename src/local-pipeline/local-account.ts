/** The account local runs attribute log groups to when nothing says otherwise. */
export const LOCAL_ACCOUNT = '000000000000';

/**
 * The account a JSON record names (CloudTrail's `recipientAccountId`): saved records replayed or
 * inspected without `--account` are taken to come from their own account's trail, so they are
 * not flagged as arriving in another account's log group.
 */
export function accountOfRecord(record: unknown): string | undefined {
  const recipient = (record as { recipientAccountId?: unknown } | null)?.recipientAccountId;
  return typeof recipient === 'string' && /^\d{12}$/.test(recipient) ? recipient : undefined;
}
