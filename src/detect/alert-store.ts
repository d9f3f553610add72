import type { AlertCandidate } from '../alerts/alert-document';

/**
 * Where alerts go. Recording is idempotent: the same candidates recorded twice leave the same
 * documents and counts (matches and alerts have deterministic ids).
 */
export interface AlertStore {
  /** Resolves with the indexes of candidates that could not be recorded after every retry. */
  record(candidates: readonly AlertCandidate[]): Promise<{ readonly failed: ReadonlySet<number> }>;
}
