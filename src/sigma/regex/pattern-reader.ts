/** A cursor over the pattern text; positions are UTF-16 indexes, as error messages report them. */
export class PatternReader {
  pos = 0;

  constructor(readonly pattern: string) {}

  get atEnd(): boolean {
    return this.pos >= this.pattern.length;
  }

  /** The UTF-16 unit at pos + offset, or '' past the end. */
  peek(offset = 0): string {
    return this.pattern.charAt(this.pos + offset);
  }

  lookingAt(text: string): boolean {
    return this.pattern.startsWith(text, this.pos);
  }

  eat(text: string): boolean {
    if (!this.lookingAt(text)) return false;
    this.pos += text.length;
    return true;
  }

  /** Consumes one code point; a surrogate pair in the pattern is one character. */
  nextCodePoint(): number {
    const cp = this.pattern.codePointAt(this.pos) ?? 0;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** Consumes the longest run of characters matching `pattern` (a one-character class). */
  takeWhile(charPattern: RegExp): string {
    const start = this.pos;
    while (!this.atEnd && charPattern.test(this.peek())) this.pos++;
    return this.pattern.slice(start, this.pos);
  }
}
