import { hash } from 'node:crypto';

/**
 * The action id: one per (alert, hook), whatever route selected the hook and however often the
 * alert is delivered. It is the idempotency key of the action store, the id approvals name, and
 * the `X-Logwarden-Action-Id` webhook receivers can deduplicate on.
 */
export function actionIdOf(alertId: string, hookName: string): string {
  return `act_${hash('sha256', `${alertId}\u0000${hookName}`, 'base64url').slice(0, 32)}`;
}

export const ACTION_ID_PATTERN = /^act_[A-Za-z0-9_-]{32}$/;
