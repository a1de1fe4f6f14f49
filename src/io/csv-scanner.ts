/**
 * A CSV tokenizer over the bytes of UTF-8 text, chunk by chunk: records of fields, the line each
 * record starts on, the blank lines between them. It reads CSV as csv-parse reads it with the
 * options this project used (bom, relax_quotes, relax_column_count, skip_empty_lines, record
 * delimiters CRLF, LF and CR), which a property test checks on random texts and chunkings
 * (test/io/csv-scanner.test.ts); it replaced csv-parse on the reading path because csv-parse was
 * the largest single cost of a report (docs/speed.md).
 *
 * The rules:
 * - a record ends at an LF, a CR or a CRLF outside quotes; a line with no character at all is
 *   blank and makes no record; a byte order mark at the start of the text is skipped;
 * - a field that starts with a quote is quoted: it runs to the next quote followed by the
 *   delimiter, a line break or the end of the text, and `""` inside it is one quote;
 * - a quote that closes a quoted field and is followed by anything else is kept as text with
 *   the rest of the field (`"x"y` reads as `"x"y`), as spreadsheets read it; so is a quote inside
 *   an unquoted field (`5" screen`);
 * - a record larger than the size limit (its bytes as written, line break excluded) stops the
 *   read; so does a quoted field still open at the end of the text.
 *
 * Delimiters, quotes and line breaks are ASCII, so they never occur inside the bytes of a UTF-8
 * character: the text is split as bytes and each field decoded once. A line with no quote and no
 * CR but the one of a CRLF, which is most lines of most exports, is found with Buffer's native
 * search, decoded whole and split by the delimiter natively (its fields are the same text; the
 * 1,000,000-ticket bench file, 19% of whose lines hold a quote, is scanned in 1.6 s instead of
 * 2.0 s); so are the fields of a line before its first quoted field, when they hold neither quote
 * nor CR (the report over that file with one thread: 5.66 s instead of 5.96 s, paired runs); and
 * so is a line that quotes every field and holds no other quote, as some exports write every line
 * (the same file written so: 3.6 s instead of 4.0 s with one thread; see quotedFields).
 * Such a field of 13 characters or more is, in V8, a slice of the line's string, which
 * keeps the line alive while the field is: what keeps field text past its record keeps a copy
 * (see own-string.ts).
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Why the scanner stopped: what csvRecords turns into a message with the file's name. */
export class CsvScanError extends Error {
  constructor(
    readonly code: 'quote_not_closed' | 'record_too_large',
    /** The line the record starts on. */
    readonly line: number,
    /** quote_not_closed: the last line of the text. */
    readonly lastLine: number,
  ) {
    super(code === 'quote_not_closed' ? `a quoted field in the record that starts on line ${line} is never closed` : `the record that starts on line ${line} is over the size limit`);
  }
}

/** Where records go as they are split. */
export interface CsvSink {
  /** A record, the line it starts on, and its text as written without its line break (keepRaw only). */
  record(fields: string[], line: number, raw: string | undefined): void;
  /** Blank lines skipped since the last record. */
  blank(count: number): void;
}

/** Where a field is while it is scanned (a record may end in the middle of one chunk and go on in the next). */
const enum At {
  /** Between records. */
  RecordStart,
  /** At the first byte of a field. */
  FieldStart,
  /** In an unquoted field. */
  Unquoted,
  /** Inside a quoted field. */
  Quoted,
  /** After a quote that closed a quoted field but was followed by text: the rest is text. */
  AfterQuote,
}

/** Line breaks in bytes [from, to): CRLF, LF and CR each one. */
function lineBreaks(data: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const b = data[i]!;
    if (b === LF) breaks++;
    else if (b === CR) {
      breaks++;
      if (i + 1 < to && data[i + 1] === LF) i++;
    }
  }
  return breaks;
}

/** Buffer's own UTF-8 decoder, without toString's argument checks (measured: 50 ns a field against 60; latin1Slice 82). */
type Bytes = Buffer & { utf8Slice(start: number, end: number): string };

/** Bytes [from, to) as text. */
const text = (data: Bytes, from: number, to: number): string => data.utf8Slice(from, to);

/** Fields up to this many bytes can be handed out again. */
const REPEAT_MAX_BYTES = 32;
/** Entries of the table of repeated values (a power of two). */
const REPEAT_ENTRIES = 4096;
/** Values of a column tried before deciding whether its values repeat. */
const REPEAT_TRIAL = 512;
/** Columns whose values may be handed out again (beyond, every field is decoded). */
const REPEAT_COLUMNS = 128;

/**
 * In the lines split byte by byte (those with a quote or a lone CR), the text of short values
 * that repeat in their column (a status, an agent, a channel, a rating), made once and handed out
 * again: such a field costs a hash of its bytes instead of a new string,
 * and handing the same string object on makes the store's interning cheaper (its dictionaries'
 * cache of recent values finds it by a pointer test). Each column is tried on its first REPEAT_TRIAL values: one where fewer than half were
 * seen before (ids, timestamps, customers) is decoded field by field from then on.
 */
class RepeatedValues {
  private readonly strings = new Array<string>(REPEAT_ENTRIES).fill('');
  private readonly lengths = new Int32Array(REPEAT_ENTRIES).fill(-1);
  private readonly bytes = new Uint8Array(REPEAT_ENTRIES * REPEAT_MAX_BYTES);
  /** Per column: values tried and found while on trial; then REPEATS or NOT. */
  private readonly tried = new Int32Array(REPEAT_COLUMNS);
  private readonly found = new Int32Array(REPEAT_COLUMNS);

  text(data: Bytes, from: number, to: number, column: number): string {
    const n = to - from;
    if (n === 0) return '';
    if (n > REPEAT_MAX_BYTES || column >= REPEAT_COLUMNS) return data.utf8Slice(from, to);
    const tried = this.tried[column]!;
    if (tried === NOT) return data.utf8Slice(from, to);
    let h = 0x811c9dc5 ^ n;
    for (let i = from; i < to; i++) h = Math.imul(h ^ data[i]!, 0x01000193);
    const entry = (h ^ (h >>> 15)) & (REPEAT_ENTRIES - 1);
    const bytes = this.bytes;
    const at = entry * REPEAT_MAX_BYTES;
    let same = this.lengths[entry] === n;
    for (let i = 0; same && i < n; i++) same = bytes[at + i] === data[from + i];
    if (tried !== REPEATS) this.judge(column, tried, same);
    if (same) return this.strings[entry]!;
    const value = data.utf8Slice(from, to);
    bytes.set(data.subarray(from, to), at);
    this.lengths[entry] = n;
    this.strings[entry] = value;
    return value;
  }

  /** One more value of a column on trial; at the end of its trial, whether its values repeat. */
  private judge(column: number, tried: number, found: boolean): void {
    if (found) this.found[column]!++;
    this.tried[column] = tried + 1 === REPEAT_TRIAL ? (this.found[column]! * 2 >= REPEAT_TRIAL ? REPEATS : NOT) : tried + 1;
  }
}

/** A column's trial is over (RepeatedValues.tried): its values repeat, or not. */
const REPEATS = -1;
const NOT = -2;

/** Where the next `byte` is in the bytes, at or after a position: found with Buffer's native search, and kept until the scan passes it. */
class NextByte {
  /** The byte's position (-1: none before the end of the bytes), found from `from`. */
  private at = -1;
  private from = Infinity;

  constructor(private readonly byte: number) {}

  /** The position of the next `byte` in `data[from, end)`, or -1. */
  find(data: Buffer, from: number, end: number): number {
    // Kept while no byte can lie between: from at or after the search's start, and not past the byte found.
    if (!(from >= this.from && (this.at < 0 || from <= this.at))) {
      this.from = from;
      const at = data.indexOf(this.byte, from);
      this.at = at >= end ? -1 : at;
    }
    return this.at;
  }

  /** The bytes changed: the position found is of the old ones. */
  forget(): void {
    this.from = Infinity;
  }
}

export class CsvScanner {
  private readonly repeated = new RepeatedValues();
  /** The bytes not yet split: `data[start, end)`, from the start of the record in progress (or of blank lines). */
  private data = Buffer.alloc(0) as Bytes;
  /** Whether `data` is our own buffer (bytes carried over from earlier chunks), which may be written into. */
  private owned = false;
  private start = 0;
  private end = 0;
  private bomChecked = false;

  /** The line at `start`. */
  private line: number;
  private at = At.RecordStart;
  /** The record in progress: its fields so far, the line breaks inside its quoted fields so far. */
  private fields: string[] = [];
  private breaks = 0;
  /** The field in progress: where it starts (its opening quote when quoted) and where its scan goes on. */
  private fieldStart = 0;
  private scan = 0;
  /** The field in progress: a `""` seen inside quotes; the quote before AfterQuote text. */
  private escapes = false;
  private closingQuote = 0;

  /** Where the next LF, quote and CR are, found natively (see plainLineEnd). */
  private readonly nextLf = new NextByte(LF);
  private readonly nextQuote = new NextByte(QUOTE);
  private readonly nextCr = new NextByte(CR);
  /** The delimiter as text, for splitting a plain line natively. */
  private readonly delimiterText: string;

  constructor(
    private readonly delimiter: number,
    private readonly maxRecordSize: number,
    private readonly keepRaw: boolean,
    firstLine: number,
    private readonly sink: CsvSink,
    /** The text starts inside a file, after a line break: a byte order mark there is text. */
    midText = false,
  ) {
    this.line = firstLine;
    this.delimiterText = String.fromCharCode(delimiter);
    this.bomChecked = midText;
  }

  /** All the bytes written so far are split: they end between two records (or after blank lines), nothing of a record pending. */
  betweenRecords(): boolean {
    return this.at === At.RecordStart && this.start === this.end;
  }

  /** The line the next record (or blank line) starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Splits the records that `chunk` completes; the rest waits for the next chunk. */
  write(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.append(chunk);
    this.split(false);
  }

  /** The end of the text: the last record, or an error if a quote is still open. */
  finish(): void {
    this.split(true);
  }

  /** The bytes from the start of the record in progress, then `chunk`: in our own buffer, which doubles when full. */
  private append(chunk: Buffer): void {
    this.forgetPositions();
    const kept = this.end - this.start;
    if (kept === 0) {
      this.shift(this.start);
      this.data = chunk as Bytes;
      this.owned = false;
      this.start = 0;
      this.end = chunk.length;
      return;
    }
    const needed = kept + chunk.length;
    if (this.owned && this.data.length >= needed) {
      if (this.start > 0) this.data.copyWithin(0, this.start, this.end);
    } else {
      const bigger = Buffer.allocUnsafe(Math.max(needed, this.owned ? this.data.length * 2 : needed * 2));
      this.data.copy(bigger, 0, this.start, this.end);
      this.data = bigger as Bytes;
      this.owned = true;
    }
    chunk.copy(this.data, kept);
    this.shift(this.start);
    this.start = 0;
    this.end = needed;
  }

  /** The positions found natively are of the old bytes. */
  private forgetPositions(): void {
    this.nextLf.forget();
    this.nextQuote.forget();
    this.nextCr.forget();
  }

  /** The offsets into `data` after its first `by` bytes are dropped. */
  private shift(by: number): void {
    this.fieldStart -= by;
    this.scan -= by;
    this.closingQuote -= by;
  }

  private split(final: boolean): void {
    const data = this.data;
    const end = this.end;
    const delimiter = this.delimiter;
    if (!this.bomChecked) {
      if (end - this.start < 3 && !final) return;
      this.bomChecked = true;
      if (data[this.start] === 0xef && data[this.start + 1] === 0xbb && data[this.start + 2] === 0xbf) this.start += 3;
    }
    let at = this.at;
    let i = this.scan;
    let blank = 0;
    for (;;) {
      if (at === At.RecordStart) {
        i = this.start;
        // Blank lines: line breaks where a record would start.
        let lines = 0;
        while (i < end) {
          const b = data[i]!;
          if (b === LF) i++;
          else if (b === CR) {
            if (i + 1 === end && !final) break;
            i += i + 1 < end && data[i + 1] === LF ? 2 : 1;
          } else break;
          lines++;
        }
        this.line += lines;
        blank += lines;
        this.start = i;
        if (i === end || data[i] === CR) break; // a CR at the end of the chunk: wait for what follows it
        const plainEnd = this.plainLineEnd(i);
        const quoted = plainEnd < 0 && data[i] === QUOTE;
        const lineEnd = quoted ? this.quotedLineEnd(i) : plainEnd;
        // A line without a quote or a lone CR: decoded once and split by the delimiter natively; one
        // that quotes every field and holds no other quote, split natively too (see quotedFields).
        const stop = lineEnd < 0 ? -1 : data[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
        if (stop - i > this.maxRecordSize) throw this.tooLarge();
        const line = lineEnd < 0 ? '' : text(data, i, stop);
        const fields = lineEnd < 0 ? undefined : quoted ? this.quotedFields(line) : line.split(this.delimiterText);
        if (fields !== undefined) {
          if (blank > 0) {
            this.sink.blank(blank);
            blank = 0;
          }
          this.sink.record(fields, this.line, this.keepRaw ? line : undefined);
          this.line += 1;
          i = lineEnd + 1;
          this.start = i;
          if (i >= end) break;
          continue;
        }
        // Plain fields before the line's first quoted field: split natively too, the rest byte by byte.
        const quote = this.quotedFieldAfterPlainFields(i);
        this.fields = quote < 0 ? [] : text(data, i, quote - 1).split(this.delimiterText);
        if (quote >= 0) i = quote;
        this.breaks = 0;
        at = At.FieldStart;
      }
      if (at === At.FieldStart) {
        this.fieldStart = i;
        this.escapes = false;
        if (i < end && data[i] === QUOTE) {
          at = At.Quoted;
          i++;
        } else at = At.Unquoted;
      }
      // Scans the field to the byte after it (a delimiter, a line break, or the end); -1: more text is needed.
      let stop = -1;
      if (at === At.Quoted) {
        for (;;) {
          while (i < end && data[i] !== QUOTE) i++;
          if (i === end) {
            if (final) throw this.quoteNotClosed();
            break;
          }
          // A quote: `""` is one quote; a quote before a delimiter, a line break or the end closes the field.
          if (i + 1 === end && !final) break;
          const next = i + 1 < end ? data[i + 1]! : -1;
          if (next === QUOTE) {
            this.escapes = true;
            i += 2;
            continue;
          }
          if (next === -1 || next === delimiter || next === LF) {
            stop = i + 1;
            break;
          }
          if (next === CR) {
            if (i + 2 === end && !final) break; // CR or CRLF: decided by the next chunk
            stop = i + 1;
            break;
          }
          // Text after the closing quote: the field is kept as written (with its quotes, `""` read as one).
          this.closingQuote = i;
          at = At.AfterQuote;
          i++;
          break;
        }
      }
      if (at === At.Unquoted || at === At.AfterQuote) {
        while (i < end) {
          const b = data[i]!;
          if (b === delimiter || b === LF || b === CR) break;
          i++;
        }
        if (i < end ? data[i] !== CR || i + 1 < end || final : final) stop = i;
      }
      if (stop === -1) {
        // The chunk ends inside the record: wait for more, unless it is already too large.
        if (end - this.start > this.maxRecordSize) throw this.tooLarge();
        this.scan = i;
        break;
      }
      this.fields.push(this.value(stop, at));
      i = stop;
      if (i < end && data[i] === delimiter) {
        i++;
        at = At.FieldStart;
        if (i === end && !final) break;
        continue;
      }
      // The record ends here: at a line break, or at the end of the text.
      if (i - this.start > this.maxRecordSize) throw this.tooLarge();
      const raw = this.keepRaw ? text(data, this.start, i) : undefined;
      if (blank > 0) {
        this.sink.blank(blank);
        blank = 0;
      }
      this.sink.record(this.fields, this.line, raw);
      this.line += 1 + this.breaks;
      if (i < end) i += data[i] === CR && i + 1 < end && data[i + 1] === LF ? 2 : 1;
      this.start = i;
      at = At.RecordStart;
      if (i >= end) break;
    }
    if (blank > 0) this.sink.blank(blank);
    this.at = at;
    this.scan = at === At.RecordStart ? this.start : i;
  }

  /**
   * The LF that ends the line starting at `from`, when that line holds no quote and no CR but one
   * just before that LF; else -1 (the line is split byte by byte).
   */
  private plainLineEnd(from: number): number {
    const { data, end } = this;
    const lf = this.nextLf.find(data, from, end);
    if (lf < 0) return -1;
    const quote = this.nextQuote.find(data, from, end);
    if (quote >= 0 && quote < lf) return -1;
    const cr = this.nextCr.find(data, from, end);
    return cr >= 0 && cr < lf - 1 ? -1 : lf;
  }

  /** The LF that ends the line starting at `from` (a quote), when the line ends with a quote and holds no CR but one just before that LF; else -1. */
  private quotedLineEnd(from: number): number {
    const { data, end } = this;
    const lf = this.nextLf.find(data, from, end);
    if (lf < 0) return -1;
    const stop = data[lf - 1] === CR ? lf - 1 : lf;
    const cr = this.nextCr.find(data, from, end);
    return stop - from < 2 || data[stop - 1] !== QUOTE || (cr >= 0 && cr < stop) ? -1 : lf;
  }

  /**
   * The fields of a line that starts and ends with a quote (see quotedLineEnd), when it quotes
   * every field and holds no other quote (`"a","b,c",""`: how some exports write every value, as
   * Python's csv.QUOTE_ALL does); else undefined (it is split byte by byte). Split at its quotes,
   * such a line is a blank, then each field's text and a delimiter in turn, the last field's text
   * and a blank: any other quote (`""` inside a field, text after a closing quote) breaks that
   * pattern.
   */
  private quotedFields(line: string): string[] | undefined {
    const parts = line.split('"');
    const n = parts.length;
    if (n % 2 === 0) return undefined;
    const fields = new Array<string>((n - 1) / 2);
    for (let k = 0; k < fields.length; k++) {
      if (k > 0 && parts[2 * k] !== this.delimiterText) return undefined;
      fields[k] = parts[2 * k + 1]!;
    }
    return fields;
  }

  /**
   * Where the quote is that opens a field of the record starting at `from`, when the fields before
   * it hold no quote, no line break and no CR, and take at most the size limit; else -1. Such a
   * record's first fields are split as a plain line is (see the top of this file): in the bench
   * file, the 19% of lines that quote their last field (tags) then split 19 of their 20 fields natively.
   */
  private quotedFieldAfterPlainFields(from: number): number {
    const { data, end } = this;
    const quote = this.nextQuote.find(data, from, end);
    if (quote <= from || data[quote - 1] !== this.delimiter || quote - from > this.maxRecordSize) return -1;
    const lf = this.nextLf.find(data, from, end);
    const cr = this.nextCr.find(data, from, end);
    return (lf >= 0 && lf < quote) || (cr >= 0 && cr < quote) ? -1 : quote;
  }

  /** The text of the field that ends at `stop`, scanned in state `at`. */
  private value(stop: number, at: At): string {
    const data = this.data;
    const { fieldStart } = this;
    if (at === At.Unquoted) return this.repeated.text(data, fieldStart, stop, this.fields.length);
    const close = at === At.Quoted ? stop - 1 : this.closingQuote;
    this.breaks += lineBreaks(data, fieldStart + 1, close);
    if (at === At.Quoted && !this.escapes) return this.repeated.text(data, fieldStart + 1, close, this.fields.length);
    let quoted = text(data, fieldStart + 1, close);
    if (this.escapes) quoted = quoted.replaceAll('""', '"');
    return at === At.Quoted ? quoted : `"${quoted}"${text(data, close + 1, stop)}`;
  }

  private quoteNotClosed(): CsvScanError {
    const { data, start, end } = this;
    const last = end > start && (data[end - 1] === LF || data[end - 1] === CR) ? 1 : 0;
    return new CsvScanError('quote_not_closed', this.line, this.line + lineBreaks(data, start, end) - last);
  }

  private tooLarge(): CsvScanError {
    return new CsvScanError('record_too_large', this.line, this.line);
  }
}
