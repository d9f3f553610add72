import { boolean, flatObject, keyword, keywordWithText, long, object, strictDate, text } from './field-types';

/** The respond stage's audit index: one document per recorded action outcome. */
export const RESPONSE_AUDIT_PROPERTIES = {
  '@timestamp': strictDate,
  action: object({
    id: keyword(),
    route: keyword(),
    hook: keyword(),
    kind: keyword(),
    target: keyword(2048),
    outcome: keyword(),
    dry_run: boolean,
    approval_required: boolean,
    by: keyword(),
    existing_state: keyword(),
    attempts: long,
    error: text,
    // What was (or would be) sent, and what the hook answered: open-ended, never mapped key by key.
    request: flatObject,
    detail: flatObject,
  }),
  alert: object({ id: keyword() }),
  rule: object({ id: keyword(), title: keywordWithText(), level: keyword() }),
} as const;
