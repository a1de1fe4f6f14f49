import { InputError } from '../errors.js';

/**
 * Where a JSON text goes wrong, as an editor shows it: JSON.parse's messages name no line, and in
 * Node 20 often no position at all. Run only once JSON.parse has refused a text.
 */

/** Where a character is: 1-based line and column (columns count UTF-16 code units, as editors do). */
export interface Position {
  line: number;
  column: number;
}

/** The position of offset `at` in `text`, whose first character is at `start`. */
export function positionIn(text: string, at: number, start: Position): Position {
  let breaks = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    breaks++;
    last = i;
  }
  return breaks === 0 ? { line: start.line, column: start.column + at } : { line: start.line + breaks, column: at - last };
}

type Problem = { at: number; problem: string } | undefined;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A scan of one JSON text that stops at its first mistake. */
class SyntaxScan {
  private i = 0;
  private readonly closers: number[] = [];
  private expecting: 'value' | 'key' | 'more' = 'value';

  constructor(
    private readonly text: string,
    /** How messages name the end of the text ("the end of the line"). */
    private readonly end: string,
  ) {}

  private found(): string {
    return this.i >= this.text.length ? this.end : JSON.stringify(String.fromCodePoint(this.text.codePointAt(this.i)!));
  }

  private expected(what: string): Problem {
    return { at: this.i, problem: `expected ${what}, found ${this.found()}` };
  }

  private skipSpace(): void {
    const { text } = this;
    for (let c = text.charCodeAt(this.i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++this.i));
  }

  /** Moves past the string that starts here, or says what is wrong in it. */
  private string(): Problem {
    const { text } = this;
    const opened = this.i++;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return undefined;
      }
      if (c < 0x20) {
        const what = c === 0x0a || c === 0x0d ? 'a line break' : c === 0x09 ? 'a tab' : 'a control character';
        return { at: this.i, problem: `${what} inside a string; write it escaped (\\n, \\t, \\u0001)` };
      }
      if (c === 0x5c) {
        const escape = text[this.i + 1];
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6))) this.i += 6;
        else if (escape !== undefined && escape !== 'u' && '"\\/bfnrt'.includes(escape)) this.i += 2;
        else return { at: this.i, problem: 'a backslash that starts no escape (\\", \\\\, \\n, \\uXXXX, …)' };
        continue;
      }
      this.i++;
    }
    return { at: opened, problem: `a string that is not closed before ${this.end}` };
  }

  private key(): Problem {
    if (this.text.charCodeAt(this.i) !== 0x22) return this.expected('a key in double quotes');
    const problem = this.string();
    if (problem !== undefined) return problem;
    this.skipSpace();
    if (this.text.charCodeAt(this.i) !== 0x3a) return this.expected("':' after the key");
    this.i++;
    this.expecting = 'value';
    return undefined;
  }

  private value(): Problem {
    const { text } = this;
    const c = text.charCodeAt(this.i);
    this.expecting = 'more';
    if (c === 0x7b || c === 0x5b) {
      this.i++;
      this.skipSpace();
      if (text.charCodeAt(this.i) === c + 2) this.i++; // {} or []
      else {
        this.closers.push(c + 2);
        this.expecting = c === 0x7b ? 'key' : 'value';
      }
      return undefined;
    }
    if (c === 0x22) return this.string();
    NUMBER.lastIndex = this.i;
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, this.i));
    if (NUMBER.test(text)) this.i = NUMBER.lastIndex;
    else if (word !== undefined) this.i += word.length;
    else return this.expected('a value');
    return undefined;
  }

  /** After a value: a comma, the closing bracket, or (at the top) the end. Returns 'end' when the text is valid. */
  private more(): Problem | 'end' {
    const closer = this.closers.at(-1);
    if (closer === undefined) return this.i < this.text.length ? { at: this.i, problem: `text after the end of the value: ${this.found()}` } : 'end';
    const c = this.text.charCodeAt(this.i);
    if (c === 0x2c) {
      this.i++;
      this.expecting = closer === 0x7d ? 'key' : 'value';
    } else if (c === closer) {
      this.i++;
      this.closers.pop();
    } else {
      return this.expected(closer === 0x7d ? "',' or '}'" : "',' or ']'");
    }
    return undefined;
  }

  run(): Problem {
    for (;;) {
      this.skipSpace();
      const problem = this.expecting === 'key' ? this.key() : this.expecting === 'value' ? this.value() : this.more();
      if (problem === 'end') return undefined;
      if (problem !== undefined) return problem;
    }
  }
}

/**
 * Where a JSON text goes wrong first, and how; undefined if it is valid. `end` names the end of the
 * text in messages ("the end of the line").
 */
export function jsonSyntaxError(text: string, end: string): { at: number; problem: string } | undefined {
  return new SyntaxScan(text, end).run();
}

/** A JSON text that JSON.parse refused, as an InputError naming the line and column where it goes wrong. */
export function syntaxError(name: string, text: string, start: Position, end: string, error: unknown): InputError {
  const found = jsonSyntaxError(text, end);
  if (found === undefined) return new InputError(`${name}:${start.line}:${start.column}: not valid JSON: ${(error as Error).message}`);
  const at = positionIn(text, found.at, start);
  return new InputError(`${name}:${at.line}:${at.column}: not valid JSON: ${found.problem}`);
}
