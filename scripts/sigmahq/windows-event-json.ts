/**
 * SigmaHQ's regression data stores Windows events as JSON converted from EVTX
 * (`{"Event": {"System": {...}, "EventData": {...}}}`, XML attributes under `#attributes`).
 * Sigma rules name fields flatly (`EventID`, `Channel`, `Provider_Name`, `Image`), so this
 * flattens an event the way Windows Sigma backends map them: System attributes as
 * `<Element>_<Attribute>`, EventData/UserData leaves by their own names without spaces.
 */
export function flattenWindowsEvent(record: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const event = (record as { Event?: Record<string, unknown> }).Event ?? {};
  const system = (event['System'] ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(system)) {
    if (isObject(value) && isObject(value['#attributes'])) {
      for (const [attr, v] of Object.entries(value['#attributes'])) out[`${key}_${attr}`] = v;
      if ('#text' in value) out[key] = value['#text'];
    } else if (isObject(value) && '#text' in value) {
      out[key] = value['#text'];
    } else {
      out[key] = value;
    }
  }
  const data = event['EventData'] ?? event['UserData'];
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      // Sigma names fields "as they appear in the log source" with spaces stripped ("Threat Name" → ThreatName).
      const name = key.replace(/ /g, '');
      if (isObject(value) && '#text' in value) out[name] = value['#text'];
      else if (isObject(value)) stack.push(value);
      else out[name] = value;
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits a file of concatenated (possibly pretty-printed) JSON objects. */
export function splitJsonObjects(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) {
      out.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return out;
}
