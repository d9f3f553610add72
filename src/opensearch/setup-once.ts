import type { Client } from '@opensearch-project/opensearch';
import type { TemplateOptions } from './templates';
import { setupOpenSearch } from './setup';

/**
 * Templates and indices are installed on first use too (not only by `logwarden opensearch
 * setup`), once per Lambda environment: a daily index created before its template would get
 * dynamic mappings. A failed attempt is forgotten, so the next invocation tries again.
 */
export function setupOnFirstUse(client: Client, options: TemplateOptions): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= setupOpenSearch(client, options).then(
      () => undefined,
      (err: unknown) => {
        done = undefined;
        throw err;
      },
    );
    return done;
  };
}
