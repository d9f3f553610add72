import { boolean, date, integer, ip, keyword, keywords, keywordWithText, long, object, storedOnly, strictDate, text } from './field-types';
import type { Properties } from './field-types';

const endpoint = object({
  ip,
  port: integer,
  address: keyword(),
  domain: keyword(),
  bytes: long,
  packets: long,
});

/**
 * The ECS fields the normalizer emits (src/schemas/normalized-event.ts and the parsers), with
 * ECS types. `message`, `error.message` and `error.stack_trace` are full text only.
 */
export const ECS_PROPERTIES: Properties = {
  '@timestamp': strictDate,
  message: text,
  event: object({
    id: keyword(),
    kind: keyword(),
    module: keyword(),
    dataset: keyword(),
    original: storedOnly,
    category: keyword(),
    type: keyword(),
    action: keyword(),
    outcome: keyword(),
    provider: keyword(),
    code: keyword(),
    reason: keyword(),
    severity: long,
    duration: long,
    ingested: date,
    created: date,
    start: date,
    end: date,
  }),
  log: object({
    level: keyword(),
    logger: keyword(),
    origin: object({ file: object({ name: keyword(), line: long }), function: keyword() }),
  }),
  cloud: object({
    provider: keyword(),
    region: keyword(),
    availability_zone: keyword(),
    account: keywords('id', 'name'),
    instance: keywords('id', 'name'),
    service: keywords('name'),
  }),
  faas: object({ name: keyword(), id: keyword(), version: keyword(), execution: keyword(), coldstart: boolean, trigger: keywords('type') }),
  service: keywords('name', 'version', 'environment'),
  error: object({ message: text, type: keyword(), code: keyword(), stack_trace: text }),
  source: endpoint,
  destination: endpoint,
  network: object({
    iana_number: keyword(),
    transport: keyword(),
    protocol: keyword(),
    type: keyword(),
    direction: keyword(),
    bytes: long,
    packets: long,
  }),
  http: object({
    version: keyword(),
    request: object({ id: keyword(), method: keyword(), bytes: long, body: object({ bytes: long }) }),
    response: object({ status_code: integer, bytes: long, body: object({ bytes: long }) }),
  }),
  url: object({
    original: keywordWithText(8191),
    full: keywordWithText(8191),
    path: keywordWithText(),
    query: keyword(),
    domain: keyword(),
    scheme: keyword(),
  }),
  user_agent: object({ original: keywordWithText() }),
  user: object({ id: keyword(), name: keyword(), email: keyword(), domain: keyword(), target: keywords('id', 'name') }),
  related: object({ ip, user: keyword(), hosts: keyword() }),
  trace: keywords('id'),
  span: keywords('id'),
  transaction: keywords('id'),
};
