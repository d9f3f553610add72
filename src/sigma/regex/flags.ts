/** Matching options: the public flags and the parser's scoped option state. */

export interface RegexFlags {
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
}

/** Options in force at one point of the pattern; `extended` is PCRE's (?x). */
export interface ScopedFlags extends RegexFlags {
  readonly extended: boolean;
}

export const DEFAULT_FLAGS: RegexFlags = { ignoreCase: false, multiline: false, dotAll: false };

/** An inline option setting such as `(?i-s)` or `(?^m)`. */
export interface FlagChange {
  /** `(?^…)` first turns off i, m, s, x and n. */
  readonly reset: boolean;
  readonly on: string;
  readonly off: string;
}

export function applyFlagChange(flags: ScopedFlags, change: FlagChange): ScopedFlags {
  const base = change.reset ? { ...flags, ignoreCase: false, multiline: false, dotAll: false, extended: false } : flags;
  const state = (letter: string, current: boolean): boolean =>
    change.off.includes(letter) ? false : change.on.includes(letter) ? true : current;
  return {
    ignoreCase: state('i', base.ignoreCase),
    multiline: state('m', base.multiline),
    dotAll: state('s', base.dotAll),
    extended: state('x', base.extended),
  };
}

export function publicFlags(flags: ScopedFlags): RegexFlags {
  return { ignoreCase: flags.ignoreCase, multiline: flags.multiline, dotAll: flags.dotAll };
}
