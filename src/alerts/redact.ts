/**
 * Masks secrets in the event copy an alert carries (the raw event stays in the events index,
 * which is access-controlled separately). Alerts travel further than events: to analysts'
 * screens, notifications and automation (reliability-security checklist D3.9, item 40).
 */

const MASK = '****';

// Keys whose whole value is a secret, wherever they appear (CloudTrail AssumeRole's
// responseElements.credentials.sessionToken, application JSON, API Gateway headers).
const SECRET_KEY = /pass(word|wd|phrase)?$|^pwd$|secret|token|api[-_]?key|authorization|private[-_]?key|credential|cookie|session[-_]?id/i;
// Keys that merely contain these words but hold no secret: their values stay.
const HARMLESS_KEY = /^(token[-_]?(type|usage|count)|credentials?[-_]?type|secret[-_]?(arn|name|id)|password[-_]?(last[-_]?(set|used|changed)|policy|length))$/i;

interface TextRule {
  readonly pattern: RegExp;
  readonly replace: (match: string, ...groups: string[]) => string;
}

// Each pattern is free of nested quantifiers, so matching stays linear on attacker text.
const TEXT_RULES: readonly TextRule[] = [
  // AWS access key ids: keep the type prefix and the last four characters, as the console does.
  {
    pattern: /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA))([A-Z0-9]{12})([A-Z0-9]{4})\b/g,
    replace: (_m, prefix: string, _middle: string, last: string) => `${prefix}${MASK}${last}`,
  },
  // JSON Web Tokens: header.payload.signature, base64url.
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, replace: () => `eyJ${MASK}(jwt)` },
  // Authorization schemes.
  { pattern: /\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi, replace: (_m, scheme: string, space: string) => `${scheme}${space}${MASK}` },
  // Passwords in URLs: scheme://user:password@host.
  { pattern: /\b([a-z][a-z0-9+.-]{1,15}:\/\/[^\s:/@]{1,256}:)[^\s@/]{1,256}@/gi, replace: (_m, head: string) => `${head}${MASK}@` },
  // key=value and key: value pairs with a secret-like key, in query strings, headers and text.
  {
    pattern: /\b((?:[a-z0-9_-]{0,32})(?:password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|client[-_]?secret|session[-_]?token)[a-z0-9_-]{0,32}["']?\s{0,3}[=:]\s{0,3}["']?)([^"'&\s,;}]{1,4096})/gi,
    replace: (_m, head: string) => `${head}${MASK}`,
  },
  // AWS secret access keys on their own: 40 characters of base64 mixing cases and digits (not hex hashes).
  {
    pattern: /(^|[^A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/g,
    replace: (m, before: string, candidate: string) => (looksLikeSecretKey(candidate) ? `${before}${MASK}` : m),
  },
];

function looksLikeSecretKey(text: string): boolean {
  return /[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text) && !/^[0-9a-fA-F]+$/.test(text);
}

/** Masks secrets inside a piece of text. */
export function redactText(text: string): string {
  let out = text;
  for (const rule of TEXT_RULES) out = out.replace(rule.pattern, rule.replace as (substring: string, ...args: string[]) => string);
  return out;
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !HARMLESS_KEY.test(key);
}

/**
 * A redacted deep copy: strings are masked by content, and values under secret-named keys are
 * replaced whole. Iterative, so attacker-shaped nesting cannot overflow the stack.
 */
export function redactValue(root: unknown): unknown {
  const copy = (value: unknown): unknown => (typeof value === 'string' ? redactText(value) : Array.isArray(value) ? [...value] : isRecord(value) ? { ...value } : value);
  const top = copy(root);
  const stack: unknown[] = [top];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        node[i] = copy(node[i]);
        if (typeof node[i] === 'object' && node[i] !== null) stack.push(node[i]);
      }
    } else if (isRecord(node)) {
      for (const key of Object.keys(node)) {
        // A secret-named key holding an object (CloudTrail's `credentials`) is searched, not blanked.
        const value = node[key];
        if (isSecretKey(key) && value !== null && value !== undefined && value !== '' && typeof value !== 'object') {
          node[key] = MASK;
          continue;
        }
        node[key] = copy(node[key]);
        if (typeof node[key] === 'object' && node[key] !== null) stack.push(node[key]);
      }
    }
  }
  return top;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
