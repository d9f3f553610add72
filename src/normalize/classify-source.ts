import type { SourceType } from '../schemas/normalized-event';
import type { NormalizeConfig } from './config';
import { matchesLogGroupPattern } from './log-group-pattern';

export interface SourceClassifier {
  /** The source a log group holds, from the configured patterns; `application` when none matches. */
  classify(logGroup: string): SourceType;
}

/** Compiles the configured patterns once; classification is then a few regex tests per record. */
export function createSourceClassifier(config: NormalizeConfig): SourceClassifier {
  const rules = config.sources.flatMap((source) => source.logGroups.map((pattern) => ({ type: source.type, pattern })));
  const cache = new Map<string, SourceType>();
  return {
    classify(logGroup) {
      let type = cache.get(logGroup);
      if (type === undefined) {
        type = rules.find((r) => matchesLogGroupPattern(r.pattern, logGroup))?.type ?? 'application';
        // Log groups are few and long-lived; cap the cache anyway so a flood of names cannot grow it.
        if (cache.size < 10_000) cache.set(logGroup, type);
      }
      return type;
    },
  };
}
