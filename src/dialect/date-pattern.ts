import { daysInMonth, type ReadWallTime } from '../time/timestamp.js';
import { utcMillis, type WallTime } from '../time/wall-time.js';

/**
 * Date patterns given with --date-format, written with the Unicode (CLDR) letters that Jira, Java
 * and date-fns use: `dd/MMM/yy h:mm a` reads Jira's `12/Mar/24 3:05 PM`.
 *
 * | letters | reads |
 * | --- | --- |
 * | `yyyy` | a 4-digit year |
 * | `yy` | a 2-digit year, always 2000–2099 (`24` is 2024, `99` is 2099): no pivot on today's date |
 * | `y` | a year of 1 to 4 digits, as written (`24` is the year 24) |
 * | `M`, `MM` | the month number: 1–2 digits, or exactly 2 |
 * | `MMM`, `MMMM` | the English month name, short (`Mar`; `Sept` too) or full (`March`), any case |
 * | `d`, `dd` | the day of the month: 1–2 digits, or exactly 2 |
 * | `H`, `HH` | the hour, 0–23 |
 * | `h`, `hh` | the hour on a 12-hour clock, 1–12 (12 AM is 00, 12 PM is 12); needs `a` |
 * | `m`, `mm`, `s`, `ss` | minutes, seconds |
 * | `S` … `SSSSSSSSS` | a fraction of a second of exactly that many digits; the first 3 are kept (milliseconds) |
 * | `a` (`aa`, `aaa`) | AM or PM, any case, also `a.m.`/`p.m.`; needs `h` |
 * | `E`–`EEE`, `EEEE` | the English weekday, short (`Tue`) or full (`Tuesday`), any case: matched, not checked against the date |
 * | `X`, `XX`, `XXX`, `x`, `xx`, `xxx`, `Z`, `ZZ`, `ZZZ` | an offset, any of `Z`, `+01`, `+0100`, `+01:00` |
 *
 * One letter, two letters: the single letter takes 1 or 2 digits, the doubled one exactly 2. Text in
 * single quotes is literal (`''` is a quote, inside quotes too), as is any character that is not an
 * ASCII letter; quoted letters match in any case. A space matches one or more spaces (of any kind,
 * a no-break space too); spaces around the pattern and around the value are dropped. Any other
 * ASCII letter is an error, so that a moment.js pattern (`DD/MM/YYYY`) is refused rather than
 * misread. A pattern names a full date (year, month and day); the time fields it leaves out are 0.
 * Each field appears at most once.
 *
 * A value without an offset is a wall-clock time in the input zone (handed to `readLocal`); a value
 * with one is that instant. An impossible date or time (31 February, hour 24, minute 60, 13 PM)
 * reads as NaN.
 */

/** A --date-format pattern that cannot be used; the message says why, in one line. */
export class DatePatternError extends Error {
  override name = 'DatePatternError';
}

export interface DatePattern {
  readonly pattern: string;
  /** Epoch ms of `text`, or NaN when the text does not fit the pattern or is not a real date and time. */
  read(text: string, readLocal: ReadWallTime): number;
}

type Field = 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'meridiem' | 'weekday' | 'offset';

/** What a field is called in messages. */
const FIELD_NAME: Record<Field, string> = {
  year: 'the year',
  month: 'the month',
  day: 'the day',
  hour: 'the hour',
  hour12: 'the hour',
  minute: 'the minutes',
  second: 'the seconds',
  fraction: 'the fraction of a second',
  meridiem: 'AM/PM',
  weekday: 'the weekday',
  offset: 'the offset',
};

/** One pattern token: the regular expression (one capture group) it matches, and how the capture reads. */
interface Token {
  field: Field;
  source: string;
  read: (captured: string) => number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SHORT_MONTH_NUMBER = new Map<string, number>([...MONTHS.map((name, i): [string, number] => [name.slice(0, 3), i + 1]), ['sept', 9]]);
const FULL_MONTH_NUMBER = new Map<string, number>(MONTHS.map((name, i) => [name, i + 1]));

const number = (captured: string): number => Number(captured);
const digits = (field: Field, exactlyTwo: boolean): Token => ({ field, source: exactlyTwo ? '(\\d{2})' : '(\\d{1,2})', read: number });
const names = (field: Field, list: readonly string[], read: (captured: string) => number): Token => ({
  field,
  // Longest first, so that `sept` is preferred to `sep` (the match is anchored either way).
  source: `(${[...list].sort((a, b) => b.length - a.length).join('|')})`,
  read,
});

/** Minutes east of UTC, or NaN for an offset out of range. */
function offsetMinutes(captured: string): number {
  if (captured === 'Z' || captured === 'z') return 0;
  const hours = Number(captured.slice(1, 3));
  const minutes = captured.length > 3 ? Number(captured.slice(-2)) : 0;
  if (hours > 23 || minutes > 59) return Number.NaN;
  return (captured[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const TOKEN_LETTERS = "use y, M, d, H, h, m, s, S, a, E, X or text in '…'";

/** The token a run of one pattern letter stands for, or a message saying why it is none. */
function tokenOf(letter: string, count: number): Token | string {
  const unknown = (hint: string): string => `is not a date token (${hint})`;
  switch (letter) {
    case 'y':
      if (count === 4) return { field: 'year', source: '(\\d{4})', read: number };
      if (count === 2) return { field: 'year', source: '(\\d{2})', read: (c) => 2000 + Number(c) };
      if (count === 1) return { field: 'year', source: '(\\d{1,4})', read: number };
      return unknown('the year is y, yy or yyyy');
    case 'M':
      if (count <= 2) return digits('month', count === 2);
      if (count === 3) return names('month', [...SHORT_MONTH_NUMBER.keys()], (c) => SHORT_MONTH_NUMBER.get(c.toLowerCase()) ?? Number.NaN);
      if (count === 4) return names('month', MONTHS, (c) => FULL_MONTH_NUMBER.get(c.toLowerCase()) ?? Number.NaN);
      return unknown('the month is M, MM, MMM or MMMM');
    case 'd':
      return count <= 2 ? digits('day', count === 2) : unknown('the day is d or dd');
    case 'H':
      return count <= 2 ? digits('hour', count === 2) : unknown('the hour is H or HH, or h or hh with a');
    case 'h':
      return count <= 2 ? digits('hour12', count === 2) : unknown('the hour is h or hh with a, or H or HH');
    case 'm':
      return count <= 2 ? digits('minute', count === 2) : unknown('the minutes are m or mm');
    case 's':
      return count <= 2 ? digits('second', count === 2) : unknown('the seconds are s or ss');
    case 'S':
      if (count <= 9) return { field: 'fraction', source: `(\\d{${count}})`, read: (c) => Number(c.slice(0, 3).padEnd(3, '0')) };
      return unknown('a fraction of a second has at most 9 digits, SSSSSSSSS');
    case 'a':
      if (count <= 3) return { field: 'meridiem', source: '([ap]\\.?m\\.?)', read: (c) => (c[0] === 'p' || c[0] === 'P' ? 12 : 0) };
      return unknown('AM/PM is a');
    case 'E':
      if (count <= 3) return names('weekday', WEEKDAYS.map((name) => name.slice(0, 3)), () => 0);
      if (count === 4) return names('weekday', WEEKDAYS, () => 0);
      return unknown('the weekday is EEE or EEEE');
    case 'X':
    case 'x':
    case 'Z':
      if (count <= 3) return { field: 'offset', source: '(z|[+-]\\d{2}(?::?\\d{2})?)', read: offsetMinutes };
      return unknown(`the offset is ${letter}, ${letter.repeat(2)} or ${letter.repeat(3)}`);
    case 'Y':
      return unknown('the year is y, yy or yyyy; Y is the week-based year');
    case 'D':
      return unknown('the day of the month is d or dd; D is the day of the year');
    default:
      return unknown(TOKEN_LETTERS);
  }
}

const isAsciiLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** A pattern split into its tokens and the regular expression for its literal text. */
interface Parsed {
  /** The anchored expression, one capture group per token, in the order of `tokens`. */
  source: string;
  tokens: Token[];
  /** The letters each field was written with, for messages. */
  written: Map<Field, string>;
}

function parse(pattern: string): Parsed {
  const error = (why: string): DatePatternError => new DatePatternError(`${JSON.stringify(pattern)}: ${why}`);
  let source = '';
  const tokens: Token[] = [];
  const written = new Map<Field, string>();
  // Spaces around the pattern are dropped, as they are around each value.
  const end = pattern.trimEnd().length;
  for (let i = pattern.length - pattern.trimStart().length; i < end; ) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        source += "'";
        i += 2;
        continue;
      }
      // Quoted text runs to the next lone quote; '' inside it is a quote.
      let literal = '';
      let j = i + 1;
      for (;;) {
        if (j >= end) throw error(`the quote at position ${i + 1} is not closed (write '' for a quote character)`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] !== "'") break;
          literal += "'";
          j += 2;
        } else {
          literal += pattern[j]!;
          j++;
        }
      }
      source += escapeRegExp(literal);
      i = j + 1;
    } else if (c === ' ') {
      let j = i;
      while (pattern[j] === ' ') j++;
      source += j - i === 1 ? '\\s+' : `\\s{${j - i},}`;
      i = j;
    } else if (isAsciiLetter(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      const letters = pattern.slice(i, j);
      const token = tokenOf(c, letters.length);
      if (typeof token === 'string') throw error(`"${letters}" ${token}`);
      const twice = written.get(token.field) ?? (token.field === 'hour' ? written.get('hour12') : token.field === 'hour12' ? written.get('hour') : undefined);
      if (twice !== undefined) throw error(`${FIELD_NAME[token.field]} is given twice ("${twice}" and "${letters}")`);
      written.set(token.field, letters);
      tokens.push(token);
      source += token.source;
      i = j;
    } else {
      source += escapeRegExp(c);
      i++;
    }
  }
  return { source, tokens, written };
}

/**
 * Compiles a --date-format pattern (see the module comment) into a reader; throws a
 * DatePatternError when the pattern cannot be used.
 */
export function compileDatePattern(pattern: string): DatePattern {
  const shown = JSON.stringify(pattern);
  if (pattern.trim() === '') throw new DatePatternError(`${shown}: the pattern is empty (e.g. dd/MM/yyyy HH:mm)`);
  const { source, tokens, written } = parse(pattern);
  const missing = (['year', 'month', 'day'] as const).filter((f) => !written.has(f));
  if (missing.length > 0) {
    const letters = { year: 'yyyy', month: 'MM', day: 'dd' };
    throw new DatePatternError(
      `${shown}: no ${missing.join(', ').replace(/, (?=[^,]*$)/, ' or ')} (a pattern names a full date: add ${missing.map((f) => letters[f]).join(', ')})`,
    );
  }
  if (written.has('hour12') && !written.has('meridiem')) {
    throw new DatePatternError(`${shown}: "${written.get('hour12')}" is a 12-hour clock and needs "a" for AM/PM (or write HH for 0–23)`);
  }
  if (written.has('meridiem') && !written.has('hour12')) {
    throw new DatePatternError(`${shown}: "a" (AM/PM) needs a 12-hour clock: write h or hh for the hour`);
  }
  const expression = new RegExp(`^${source}$`, 'i');
  const fieldIndex = (field: Field): number => tokens.findIndex((t) => t.field === field);
  // Capture group of each field (1-based), or 0 when the pattern leaves it out.
  const at = {
    year: fieldIndex('year') + 1,
    month: fieldIndex('month') + 1,
    day: fieldIndex('day') + 1,
    hour: fieldIndex('hour') + 1,
    hour12: fieldIndex('hour12') + 1,
    meridiem: fieldIndex('meridiem') + 1,
    minute: fieldIndex('minute') + 1,
    second: fieldIndex('second') + 1,
    fraction: fieldIndex('fraction') + 1,
    offset: fieldIndex('offset') + 1,
  };
  const value = (m: RegExpExecArray, group: number): number => (group === 0 ? 0 : tokens[group - 1]!.read(m[group]!));

  return {
    pattern,
    read(text: string, readLocal: ReadWallTime): number {
      const m = expression.exec(text.trim());
      if (m === null) return Number.NaN;
      const year = value(m, at.year);
      const month = value(m, at.month);
      const day = value(m, at.day);
      let hour = value(m, at.hour);
      if (at.hour12 !== 0) {
        const hour12 = value(m, at.hour12);
        if (hour12 < 1 || hour12 > 12) return Number.NaN;
        hour = (hour12 % 12) + value(m, at.meridiem);
      }
      const minute = value(m, at.minute);
      const second = value(m, at.second);
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) {
        return Number.NaN;
      }
      const wall: WallTime = { year, month, day, hour, minute, second, millisecond: value(m, at.fraction) };
      if (at.offset === 0) return readLocal(wall);
      const offset = value(m, at.offset);
      return Number.isNaN(offset) ? Number.NaN : utcMillis(wall) - offset * 60_000;
    },
  };
}

/**
 * Whether a --date-format value is meant as a pattern rather than one of the named formats (DMY,
 * MDY, iso…): it doubles a pattern letter (`yyyy`, `MM`, `dd`, also in a mistaken `DD/MM/YYYY`), has a
 * quote, or has a separator between runs of single letters (`d.M.y`). A pattern that looks like one
 * but does not compile should be reported with compileDatePattern's message.
 */
export function looksLikeDatePattern(text: string): boolean {
  if (text.includes("'")) return true;
  if (/([yMdHhmsSEXxZDY])\1/.test(text)) return true;
  const runs = text.match(/[A-Za-z]+/g);
  if (runs === null || !/[^A-Za-z]/.test(text)) return false;
  return runs.every((run) => /^([A-Za-z])\1*$/.test(run));
}
