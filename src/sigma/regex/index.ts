/**
 * Linear-time regular expressions for Sigma's `re` modifier (PCRE flavour, no backtracking).
 * README.md in this folder lists the supported syntax and the design.
 */
export { compileRegex } from './compile-regex';
export { RegexSyntaxError } from './errors';
export type { RegexFlags } from './flags';
export type { LinearRegex } from './linear-regex';
