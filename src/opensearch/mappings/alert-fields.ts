import { boolean, flatObject, keyword, keywordWithText, long, object, strictDate, text } from './field-types';
import type { Properties } from './field-types';

/**
 * What an alert document adds to the triggering event it copies at its root (DESIGN "Alert
 * document"): the Sigma rule, ATT&CK ids from its tags, and the alert's own state. Alert
 * fields are written by the pipeline, so their dates are strict.
 */
export const ALERT_PROPERTIES: Properties = {
  rule: object({
    id: keyword(),
    title: keywordWithText(),
    level: keyword(),
    status: keyword(),
    tags: keyword(),
    description: text,
    references: keyword(2048),
    falsepositives: keywordWithText(),
    author: keyword(),
    file: keyword(),
  }),
  threat: object({
    technique: object({ id: keyword(), name: keyword() }),
    tactic: object({ id: keyword(), name: keyword() }),
  }),
  alert: object({
    id: keyword(),
    status: keyword(),
    count: long,
    first_seen: strictDate,
    last_seen: strictDate,
    bucket_start: strictDate,
    bucket_seconds: long,
    dedup_key: keyword(),
    // The values the alert was grouped by: field names come from rules, values from logs.
    dedup_fields: flatObject,
    selections: keyword(),
    // An object, not `nested`: entries are read whole from `_source`; nested would make a
    // hidden document per entry and count against index.mapping.nested_fields.limit.
    history: object({ at: strictDate, by: keyword(), action: keyword(), note: text }),
  }),
  // What the respond stage did about the alert: one entry per action (alert and hook), its latest outcome.
  response: object({
    status: keyword(),
    updated_at: strictDate,
    actions: object({ id: keyword(), route: keyword(), hook: keyword(), kind: keyword(), target: keyword(), outcome: keyword(), at: strictDate, dry_run: boolean, by: keyword(), error: text }),
  }),
};

/** One document per (alert, matching event): counts and first/last times come from aggregations. */
export const ALERT_MATCH_PROPERTIES: Properties = {
  '@timestamp': strictDate,
  alert: object({ id: keyword() }),
  event: object({ id: keyword(), index: keyword() }),
  rule: object({ id: keyword() }),
};
