import { camelCase, FIELDS, type Dimension, type Field, type FieldKind } from '../schema/fields.js';
import { KINDS } from '../schema/field-kinds.js';
import { resolvedOrByStatus, tagList, YesNo, type ParsedTicket } from '../schema/validate.js';
import { ownString } from '../own-string.js';
import { IdTable } from './id-table.js';
import { FREE, SlotTable } from './slot-table.js';
import { release, resized } from './typed-arrays.js';

/**
 * The valid, de-duplicated tickets of a run, kept column by column in typed arrays: a ticket takes
 * at most 105 bytes plus the bytes of its id (see IdTable), where plain objects would take several
 * times that; 67 in the benchmark's export of a million, whose codes but its customers' and whose
 * counts fit a byte and which has no business times. While an event log is read, each ticket also
 * keeps the time of its latest event, and of the event each column's value came from (see
 * eventTimes). The columns are those the field table (schema/fields.ts) names; text values are
 * interned in dictionaries and stored as codes (-1 = blank), in the narrowest integer array that
 * holds them (see CODE_ARRAYS), as counts are; the columns that hold only blanks share one array
 * (see BLANK_ARRAYS).
 */

/**
 * A dictionary's values to their codes (see SlotTable), the strings themselves in the list. A Map
 * took longer (measured on a million tickets: 1.2 s against 0.8 s), most of all among 330,000
 * customers. A value of at most 12 characters, each from U+0001 to U+00FF (customer and agent
 * codes, numeric ids, statuses, channels), is held whole in its entry's three words, a character
 * a byte: such a value is found without reading the list or the string (the 1,000,000 tickets'
 * 330,000 customers, looked up a million times, in ~40% less time). Any other value's entry holds
 * LONG and its hash, and a probe that matches them compares the strings.
 */
class StringIndex {
  private readonly table = new SlotTable(4, hashOfEntry);

  constructor(private readonly strings: readonly string[]) {}

  /** The memory of the index's entries. */
  get memory(): ArrayBuffer {
    return this.table.entries.buffer as ArrayBuffer;
  }

  /** The position of `text` in the list, or undefined (and `add` then files it). */
  get(text: string): number | undefined {
    // FNV-1a over the UTF-16 code units, and the entry's words: the characters, or LONG and the hash.
    let h = FNV_START;
    let word1 = 0;
    let word2 = 0;
    let word3 = 0;
    let short = text.length <= SHORT;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      h = Math.imul(h ^ unit, FNV_PRIME);
      if (unit === 0 || unit > 0xff) short = false;
      else if (i < 4) word1 |= unit << (8 * i);
      else if (i < 8) word2 |= unit << (8 * (i - 4));
      else word3 |= unit << (8 * (i - 8));
    }
    if (!short) {
      word1 = LONG;
      word2 = h;
      word3 = 0;
    }
    const { table } = this;
    const { entries } = table;
    for (let at = table.startOf(h); ; at = table.next(at)) {
      const slot = entries[4 * at]!;
      if (slot === FREE) {
        table.missed(at, word1, word2, word3);
        return undefined;
      }
      // Equal words are equal short values (a shorter one ends in zero bytes, no character is 0);
      // a long value's words are only its hash.
      const same = entries[4 * at + 1] === word1 && entries[4 * at + 2] === word2 && entries[4 * at + 3] === word3;
      if (same && (word1 !== LONG || this.strings[slot] === text)) return slot;
    }
  }

  /** Files the string that `get` just did not find, at its position `slot` in the list. */
  add(slot: number): void {
    this.table.add(slot);
  }
}

/** The most characters a value held whole in its entry has (three words of four bytes). */
const SHORT = 12;
/** The first word of a value not held whole: no short value has it (its first byte is 0, its others not). */
const LONG = 0x100;
const FNV_START = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** A StringIndex entry's hash: a long value's second word, else FNV-1a over the characters its words hold. */
function hashOfEntry(entries: Int32Array, at: number): number {
  if (entries[at + 1] === LONG) return entries[at + 2]!;
  let h = FNV_START;
  for (let w = 1; w <= 3; w++) {
    for (let word = entries[at + w]!, k = 0; k < 4 && word !== 0; k++, word >>>= 8) h = Math.imul(h ^ (word & 0xff), FNV_PRIME);
  }
  return h;
}

/** Entries in a dictionary's cache of recent values (a power of two). */
const RECENT = 256;

export class Dictionary {
  readonly values: string[] = [];
  /** How many codes the column this dictionary's codes are stored in holds (see makeRoom). */
  private room = 0;
  /** Undefined once sealed (after the last record): the report only reads values by code. */
  private codes: StringIndex | undefined = new StringIndex(this.values);
  /**
   * Values looked up lately and their codes, each in the one entry its length and first, middle
   * and last characters choose (a value evicts another that chooses the same entry): most of a
   * column's statuses, teams or agents are found without hashing the whole value. A hit is a
   * string comparison (a pointer test when the CSV scanner handed the same string object on, see
   * io/csv-scanner.ts).
   */
  private readonly recentValues: (string | undefined)[] = new Array<string | undefined>(RECENT).fill(undefined);
  private readonly recentCodes = new Int32Array(RECENT);

  /**
   * `makeRoom(code)` is called before a new value gets a code its column cannot hold: it widens the
   * column and returns how many codes the column holds now. Only new values are checked, so a value
   * seen before costs nothing more. `unread`: the column's name, when nothing of the run reads it
   * (see TicketStore's `unread`): every value is then blank (code -1), and asking for one is an
   * internal error.
   */
  constructor(
    private readonly makeRoom: (code: number) => number,
    private readonly unread?: string,
  ) {}

  codeOf(value: string | null): number {
    if (value === null || this.unread !== undefined) return -1;
    const codes = this.codes;
    if (codes === undefined) throw new Error('internal: a value interned after the last record');
    const n = value.length;
    const entry = n === 0 ? 0 : (n * 31 + value.charCodeAt(0) * 7 + value.charCodeAt(n >> 1) * 131 + value.charCodeAt(n - 1)) & (RECENT - 1);
    if (this.recentValues[entry] === value) return this.recentCodes[entry]!;
    let code = codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code >= this.room) this.room = this.makeRoom(code);
      this.values.push(ownString(value));
      codes.add(code);
    }
    this.recentValues[entry] = value;
    this.recentCodes[entry] = code;
    return code;
  }

  /** No more values: the index goes (a dictionary of 330,000 customers holds 8 MB of it); returns its memory, which nothing reads any more. */
  seal(): ArrayBuffer | undefined {
    const memory = this.codes?.memory;
    this.codes = undefined;
    return memory;
  }

  valueOf(code: number): string | null {
    if (this.unread !== undefined) throw new Error(`internal: the ${this.unread} column is read, but the run said nothing reads it (see unreadColumns)`);
    return code < 0 ? null : (this.values[code] ?? null);
  }
}

/**
 * The arrays dictionary codes and counts are stored in, narrowest first: a column starts in an
 * Int8Array and is copied into the next before a code or count it cannot hold is written, 128 and
 * then 32,768 (see makeRoom). Most dictionaries (statuses, channels, teams, agents) and counts
 * (replies, reopens) never pass 127, and a million tickets then take 1 MB a column instead of 4;
 * customers can pass both.
 */
const CODE_ARRAYS = [Int8Array, Int16Array, Int32Array] as const;
type CodeArray = Int8Array | Int16Array | Int32Array;
type StoreArray = Float64Array | CodeArray;

/** How many codes (0 to n - 1) an array of codes, or an array type of CODE_ARRAYS, holds: 128 for an Int8Array. */
const codesHeld = (array: { readonly BYTES_PER_ELEMENT: number }): number => 2 ** (8 * array.BYTES_PER_ELEMENT - 1);

/** An array of codes copied into the next of CODE_ARRAYS. */
function wider(column: CodeArray): CodeArray {
  const copy = new CODE_ARRAYS[CODE_ARRAYS.findIndex((array) => column instanceof array) + 1]!(column.length);
  copy.set(column);
  return copy;
}

/** The typed array a kind is stored in: epoch ms and seconds as doubles (NaN blank), codes and counts as integers (-1 blank). */
type ArrayOf<K extends FieldKind> = K extends 'timestamp' | 'seconds' ? Float64Array : K extends 'text' | 'tags' | 'count' ? CodeArray : Int8Array;
const ARRAY_OF: Record<Exclude<FieldKind, 'id'>, new (length: number) => StoreArray> = {
  timestamp: Float64Array,
  seconds: Float64Array,
  text: CODE_ARRAYS[0],
  tags: CODE_ARRAYS[0],
  count: CODE_ARRAYS[0],
  satisfaction: Int8Array,
  score: Int8Array,
  yesNo: Int8Array,
};

type Stored = Exclude<Extract<Field, { store: string }>, { kind: 'id' }>;
/** The store's columns, one per store name of the field table: `createdAt`, `resolvedAt`, `agent`… */
export type StoreColumns = { [F in Stored as F['store']]: ArrayOf<F['kind']> };
type TextField = Extract<Stored, { kind: 'text' | 'tags' }>['store'];
type CountField = Extract<Stored, { kind: 'count' }>['store'];

/**
 * The arrays of blanks columns share: one per array type and blank value (NaN in doubles, -1 in
 * integers). A column is its kind's blank array until a value that is not blank is written in it,
 * and then gets an array of its own (see TicketStore.owned): a field that no input has, or that is
 * blank throughout, costs no column of its own. A blank array only ever has its blank written in it.
 */
const BLANK_ARRAYS: { array: new (length: number) => StoreArray; blank: number }[] = [];

/** A blank array (entry `i` of BLANK_ARRAYS) of `capacity`. */
function blankArray(i: number, capacity: number): StoreArray {
  const { array, blank } = BLANK_ARRAYS[i]!;
  return new array(capacity).fill(blank);
}

/** What a column holds for a blank value: its kind's blank, and code -1 for text and tags (see codeOf). */
function blankOf(kind: Exclude<FieldKind, 'id'>): number {
  const blank = KINDS[kind].blank;
  return typeof blank === 'number' ? blank : -1;
}

/** A store column, the fields that fill it (in table order: the first with a value wins), its blank and the blank array it starts as. */
interface Column {
  name: keyof StoreColumns;
  kind: Exclude<FieldKind, 'id'>;
  from: (keyof ParsedTicket)[];
  /** What it holds for a blank value (see blankOf). */
  blank: number;
  /** Its entry in BLANK_ARRAYS. */
  shares: number;
}

const COLUMNS: Column[] = [];
for (const field of FIELDS) {
  if (!('store' in field) || field.kind === 'id') continue;
  const name = field.store as keyof StoreColumns;
  const existing = COLUMNS.find((c) => c.name === name);
  if (existing !== undefined) {
    existing.from.push(camelCase(field.name) as keyof ParsedTicket);
    continue;
  }
  const [array, blank] = [ARRAY_OF[field.kind], blankOf(field.kind)];
  let shares = BLANK_ARRAYS.findIndex((b) => b.array === array && Object.is(b.blank, blank));
  if (shares < 0) shares = BLANK_ARRAYS.push({ array, blank }) - 1;
  COLUMNS.push({ name, kind: field.kind, from: [camelCase(field.name) as keyof ParsedTicket], blank, shares });
}
const TIMESTAMP_KEYS = FIELDS.filter((f) => f.kind === 'timestamp').map((f) => camelCase(f.name) as keyof ParsedTicket);

type WriteTicket = (store: TicketStore, slot: number, ticket: ParsedTicket) => void;
type FoldTicket = (store: TicketStore, slot: number, ticket: ParsedTicket, time: number) => void;
type LatestTime = (ticket: ParsedTicket) => number;
type CopyRow = (store: TicketStore, slot: number, log: LogReplay, i: number) => void;

/**
 * The records of one part of a file, read by another thread into a log (TicketStore.log): every
 * valid record in the order read, its values in columns, repeated ids included; text as codes of
 * the log's own dictionaries. Plain data, to be posted between threads (its arrays transferred).
 * TicketStore.replay files its rows into the store as if the part had been read there.
 */
export interface StoreLog {
  length: number;
  latestTimestamp: number;
  /** Each column that holds a value in some row (absent: blank in every row), `length` long or longer. */
  columns: Partial<Record<keyof StoreColumns, StoreArray>>;
  /** The ids' bytes one after another, and where each row's ends (see IdTable.arena). */
  ids: { bytes: Uint8Array; ends: Int32Array };
  /** Each text column's values by their code in the log. */
  values: Record<TextField, string[]>;
  /** The tags of each tags code (see TicketStore.tagListOf). */
  tagLists: string[][];
}

/** A log being replayed: per text column, its codes' codes in the store (-1 until a row of one is written). */
interface LogReplay extends StoreLog {
  codes: Record<TextField, Int32Array>;
}

/** A column's value in a parsed ticket, as code (a column several fields fill takes the first that is not blank); `blanks` collects the blank tests it calls. */
function valueCode(column: Column, blanks: unknown[]): string {
  let value = `t.${column.from[0]!}`;
  for (const next of column.from.slice(1)) {
    blanks.push(KINDS[column.kind].isBlankValue);
    value = `(blank${blanks.length - 1}(${value}) ? t.${next} : ${value})`;
  }
  return value;
}

/**
 * The statement that stores `value` (code) in a column: text interned, tags by their text; a column
 * that is still a blank array is given its own before a value that is not blank goes in (see
 * BLANK_ARRAYS). What is stored is made before the column is named: making a code can replace the
 * column by a wider one (see makeRoom), and `column[slot] = code` would write into the array it
 * named first.
 */
function storeCode(column: Column, value: string, coded = false): string {
  const { name, kind, blank, shares } = column;
  const stored = coded ? value : kind === 'text' ? `store.dictionaries.${name}.codeOf(${value})` : kind === 'tags' ? `store.tagListCode(${value})` : value;
  // A count its column cannot hold widens it first (a code did in codeOf).
  const room = kind === 'count' ? ` if (stored >= store.countRoom.${name}) store.countRoom.${name} = store.makeRoom('${name}', stored);` : '';
  const notBlank = Number.isNaN(blank) ? 'stored === stored' : `stored !== ${blank}`;
  return `stored = ${stored};${room} if (store.${name} === store.blankArrays[${shares}] && ${notBlank}) store.owned('${name}'); store.${name}[slot] = stored;`;
}

/** A function made from `statements`, the blank tests they call passed in as blank0, blank1… */
function compile<F>(signature: string, statements: string[], blanks: unknown[]): F {
  const names = blanks.map((_, i) => `blank${i}`);
  const make = new Function(...names, `return function ${signature} {\n${statements.join('\n')}\n};`) as (...args: unknown[]) => F;
  return make(...blanks);
}

/**
 * The code that writes a parsed ticket into its columns, and the code that finds its latest
 * timestamp, made once from the column list: one statement per column, its property written out
 * (a column several fields fill takes the first that is not blank). A loop over the columns did the
 * same with a property lookup per column and record: see schema/validate.ts, compileReader.
 */
function compileWriter(): WriteTicket {
  const blanks: unknown[] = [];
  const statements = ['let stored;', ...COLUMNS.map((column) => storeCode(column, valueCode(column, blanks)))];
  return compile<WriteTicket>('writeTicket(store, slot, t)', statements, blanks);
}

/**
 * The code that folds one event of an event log into its ticket's columns: each column takes the
 * value of the latest event that has one (`time` its event's time; on a tie the event read last),
 * `eventTimes` holding, per column, the time of the event its value came from. The columns in
 * `skip` are the fold's own (created_at, updated_at, and a resolution or first response that
 * events decide).
 */
function compileFolder(skip: ReadonlySet<keyof StoreColumns>): FoldTicket {
  const blanks: unknown[] = [];
  const statements = ['let v, stored;'];
  for (const column of COLUMNS.filter((c) => !skip.has(c.name))) {
    statements.push(`v = ${valueCode(column, blanks)};`);
    blanks.push(KINDS[column.kind].isBlankValue);
    const times = `store.eventTimes.${column.name}`;
    const ownTimes = `if (${times} === store.noEventYet) store.ownEventTimes('${column.name}');`;
    statements.push(`if (!blank${blanks.length - 1}(v) && time >= ${times}[slot]) { ${storeCode(column, 'v')} ${ownTimes} ${times}[slot] = time; }`);
  }
  return compile<FoldTicket>('foldTicket(store, slot, t, time)', statements, blanks);
}

function compileLatest(): LatestTime {
  const statements = TIMESTAMP_KEYS.map((key) => `if (t.${key} > latest) latest = t.${key};`);
  return new Function(`return function latestTime(t) {\nlet latest = -Infinity;\n${statements.join('\n')}\nreturn latest;\n};`)() as LatestTime;
}

/**
 * The code that writes row `i` of a log (see StoreLog) into `slot`, as writeTicket writes the
 * ticket the row was made from: numbers as they are, a text's or tags' code in the log turned into
 * this store's code the first time the row of one is written (see LogReplay), so that values get
 * their codes in the order of the records that are kept, as when the file is read in one piece.
 */
function compileCopier(): CopyRow {
  const statements = ['const columns = log.columns, codes = log.codes, values = log.values;', 'let stored, code, own;'];
  for (const column of COLUMNS) {
    const { name, kind, blank } = column;
    const from = `columns.${name}`;
    const blankText = Number.isNaN(blank) ? 'NaN' : String(blank);
    if (kind !== 'text' && kind !== 'tags') {
      statements.push(`{ const v = ${from} === undefined ? ${blankText} : ${from}[i]; ${storeCode(column, 'v', true)} }`);
      continue;
    }
    const code =
      kind === 'tags'
        ? `store.tagListCodeOf(values.${name}[code], log.tagLists[code])`
        : `store.dictionaries.${name}.codeOf(values.${name}[code])`;
    statements.push(
      `{ code = ${from} === undefined ? -1 : ${from}[i]; let v = -1; if (code >= 0) { own = codes.${name}[code]; v = own >= 0 ? own : (codes.${name}[code] = ${code}); } ${storeCode(column, 'v', true)} }`,
    );
  }
  return compile<CopyRow>('copyRow(store, slot, log, i)', statements, []);
}

/** How many buffers of memory it no longer needs (a filed log's, a dropped index's) the store keeps for computing (see keepSpare): as many as the arrays a view borrows (see ScratchArrays). */
const SPARE_BUFFERS = 4;

const writeTicket = compileWriter();
const copyRow = compileCopier();
const latestTime = compileLatest();

export type UpsertOutcome = 'added' | 'replaced' | 'kept';

/** What became of a record with an id (see upsert), and the source file of the record that lost, if any. */
export interface UpsertResult {
  outcome: UpsertOutcome;
  loserFile: number;
  /** The id was held already, with another created_at. */
  createdDiffers: boolean;
}

/**
 * How the rows of an event log (one row per event, `--event-log`) fold into tickets: whether
 * matching events decide the resolution (`--resolved-when`) and the first response
 * (`--responded-when`); else the columns do, as for any other field.
 */
export interface EventFolding {
  resolution: boolean;
  firstResponse: boolean;
}

export interface TicketStore extends StoreColumns {}

export class TicketStore {
  length = 0;
  /**
   * The end of the data: the latest timestamp (created, first response, solved, closed or updated)
   * of any valid record. An SLA deadline after it has not passed yet.
   */
  latestTimestamp = -Infinity;
  private capacity = 1024;
  /** The largest buffers of the logs filed and the indexes dropped (see keepSpare and takeSpare). */
  private spare: ArrayBuffer[] = [];
  /** The tickets' ids, by slot (see idOf). */
  private readonly ids: IdTable;
  /** Index of the input file the ticket's winning record came from. */
  sourceFile: CodeArray = new CODE_ARRAYS[0](this.capacity);
  /** How many file indexes sourceFile holds (see setSourceFile). */
  private filesHeld = codesHeld(this.sourceFile);
  /** The blank arrays (see BLANK_ARRAYS), each undefined once no column is it; the compiled writer reads them. */
  blankArrays: (StoreArray | undefined)[] = BLANK_ARRAYS.map((_, i) => blankArray(i, this.capacity));

  /**
   * Each text column's dictionary; `tags` holds each distinct tags value as written (JSON lists as
   * JSON text), see tagsOf. A column of `unread` is never interned: blank in every ticket.
   */
  readonly dictionaries: Record<TextField, Dictionary>;
  private readonly tagLists: string[][] = [];
  /** Per count column, the least count its array cannot hold (see makeRoom; the compiled writer reads it). */
  readonly countRoom = Object.fromEntries(COLUMNS.filter((c) => c.kind === 'count').map((c) => [c.name, codesHeld(CODE_ARRAYS[0])])) as Record<CountField, number>;

  /**
   * Event logs only, while events come: per column, the time of the event its value came from (see
   * compileFolder). A column no event has given a value yet shares `noEventYet` (all -Infinity),
   * as a blank column shares its blank array: an event log of a few columns does not keep a time
   * a ticket for each of the twenty others.
   */
  eventTimes = {} as Record<keyof StoreColumns, Float64Array>;
  noEventYet = new Float64Array(0);
  /** Event logs only: per ticket, the time of its latest event (its file is the ticket's sourceFile). */
  private latestEvent = new Float64Array(0);
  private readonly foldTicket: FoldTicket | undefined;

  /**
   * `folding`: the rows are events, folded into tickets with foldEvent (upsert is not used).
   * `log`: a log of records (see TicketStore.log; append is used). `unread`: dimension columns nothing
   * of the run reads (a report's, see engine/columns-read.ts): their values are not interned (a
   * dictionary lookup per ticket each), and the columns stay blank.
   */
  constructor(
    private readonly folding?: EventFolding,
    log = false,
    unread: readonly Dimension[] = [],
  ) {
    this.dictionaries = Object.fromEntries(
      COLUMNS.filter((c) => c.kind === 'text' || c.kind === 'tags').map((c) => {
        const name = c.name as TextField;
        return [name, new Dictionary((code) => this.makeRoom(name, code), unread.includes(name as Dimension) ? name : undefined)];
      }),
    ) as Record<TextField, Dictionary>;
    this.ids = new IdTable(!log);
    for (const column of COLUMNS) (this as unknown as Record<string, unknown>)[column.name] = this.blankArrays[column.shares];
    if (folding === undefined) return;
    const own = new Set<keyof StoreColumns>(['createdAt', 'updatedAt']);
    if (folding.resolution) own.add('resolvedAt');
    if (folding.firstResponse) own.add('firstResponseAt');
    this.foldTicket = compileFolder(own);
    this.noEventYet = new Float64Array(this.capacity).fill(-Infinity);
    for (const column of COLUMNS) if (!own.has(column.name)) this.eventTimes[column.name] = this.noEventYet;
    this.latestEvent = new Float64Array(this.capacity);
  }

  /**
   * A log of the valid records of one part of a file, read by another thread (see StoreLog): each
   * record gets a slot of its own (append), its id whether or not it came before.
   */
  static log(unread: readonly Dimension[] = []): TicketStore {
    return new TicketStore(undefined, true, unread);
  }

  /** A log's next record (see TicketStore.log). */
  append(ticket: ParsedTicket, file: number): void {
    const latest = latestTime(ticket);
    if (latest > this.latestTimestamp) this.latestTimestamp = latest;
    const slot = this.length++;
    if (slot === this.capacity) this.resize(Math.ceil(this.capacity * 1.5));
    this.ids.append(ticket.id);
    this.write(slot, ticket, file);
  }

  /** A sealed log's rows as plain data (see StoreLog); its arrays are to be transferred, not used again here. */
  toLog(): StoreLog {
    const columns: Partial<Record<keyof StoreColumns, StoreArray>> = {};
    const own = this as unknown as Record<string, StoreArray>;
    for (const column of COLUMNS) {
      const array = own[column.name]!;
      if (!this.blankArrays.includes(array)) columns[column.name] = array;
    }
    const values = Object.fromEntries(Object.entries(this.dictionaries).map(([name, dictionary]) => [name, dictionary.values])) as Record<TextField, string[]>;
    return { length: this.length, latestTimestamp: this.latestTimestamp, columns, ids: this.ids.arena, values, tagLists: this.tagLists };
  }

  /**
   * Files the rows of a log (see StoreLog) in order, each as upsert files the record it was made
   * from (the records of `file` that another thread read); `outcome` is told what became of each.
   * The log comes after every record read here so far, as its part of the file comes after theirs.
   * The log is used up: its memory is freed (see release) or kept for other arrays (see
   * takeSpare), and must not be read again.
   */
  replay(log: StoreLog, file: number, outcome: (result: UpsertResult) => void): void {
    if (log.latestTimestamp > this.latestTimestamp) this.latestTimestamp = log.latestTimestamp;
    const codes = Object.fromEntries(Object.entries(log.values).map(([name, values]) => [name, new Int32Array(values.length).fill(-1)])) as Record<TextField, Int32Array>;
    const replay: LogReplay = { ...log, codes };
    const { bytes, ends } = log.ids;
    this.ids.reserveBytes(bytes.length);
    const createdAt = log.columns.createdAt as Float64Array;
    const updatedAt = log.columns.updatedAt as Float64Array | undefined;
    for (let i = 0; i < log.length; i++) {
      const existing = this.ids.findBytes(bytes, i === 0 ? 0 : ends[i - 1]!, ends[i]!);
      if (existing < 0) {
        const slot = this.addSlot();
        copyRow(this, slot, replay, i);
        this.setSourceFile(slot, file);
        outcome({ outcome: 'added', loserFile: -1, createdDiffers: false });
        continue;
      }
      outcome(this.settle(existing, createdAt[i]!, updatedAt === undefined ? Number.NaN : updatedAt[i]!, file, (slot) => copyRow(this, slot, replay, i)));
    }
    // Each row is in the store now: the log's memory (a second thread's half of a file, ~34 MB on a
    // million tickets) is not left for the collector, which comes after the report is computed:
    // its largest buffers are kept for the arrays computing makes (see takeSpare), the rest freed.
    this.keepSpare([...Object.values(log.columns), bytes, ends].map((array) => array!.buffer as ArrayBuffer));
  }

  /** Keeps the largest of `done` (memory nothing of the store is in any more) and of those kept before, up to SPARE_BUFFERS, for takeSpare; frees the rest (see release). */
  private keepSpare(done: ArrayBuffer[]): void {
    const buffers = [...new Set([...this.spare, ...done])].filter((buffer) => buffer.byteLength > 0);
    buffers.sort((a, b) => b.byteLength - a.byteLength);
    this.spare = buffers.slice(0, SPARE_BUFFERS);
    release(buffers.slice(SPARE_BUFFERS));
  }

  /**
   * A buffer of at least `bytes` that holds nothing of the store's (the memory of a log it filed,
   * see replay, or of an index it dropped, see seal), taken out of its keeping; undefined when it
   * has none. Computing a report makes arrays of the tickets' length (see ScratchArrays): made in
   * new memory beside that, which on Node 20 waits for the collector until after the report is
   * computed, they raised the million tickets' peak by ~11 MiB.
   */
  takeSpare(bytes: number): ArrayBuffer | undefined {
    // The smallest that holds them (the buffers are kept largest first).
    const at = this.spare.findLastIndex((buffer) => buffer.byteLength >= bytes);
    return at < 0 ? undefined : this.spare.splice(at, 1)[0];
  }

  /** The file a ticket's record came from, in the narrowest integer array that holds its index (see CODE_ARRAYS): most runs read one file. */
  private setSourceFile(slot: number, file: number): void {
    while (file >= this.filesHeld) {
      this.sourceFile = wider(this.sourceFile);
      this.filesHeld = codesHeld(this.sourceFile);
    }
    this.sourceFile[slot] = file;
  }

  /** A slot for the id just looked up in `ids` and not found. */
  private addSlot(): number {
    const slot = this.length++;
    if (slot === this.capacity) this.resize(Math.ceil(this.capacity * 1.5)); // 1.5×: less slack than doubling at a million tickets
    this.ids.add();
    return slot;
  }

  /** The id of the ticket in `slot`. */
  idOf(slot: number): string {
    return this.ids.idOf(slot);
  }

  /**
   * Adds a ticket, or resolves a duplicate id: the record with the latest `updated_at` wins (a
   * record without `updated_at` counts as older than any with one); on a tie the one read last wins.
   * Returns what happened, and the source file of the record that lost, if any.
   */
  upsert(ticket: ParsedTicket, file: number): UpsertResult {
    // NaN (blank) never counts: comparisons with NaN are false.
    const latest = latestTime(ticket);
    if (latest > this.latestTimestamp) this.latestTimestamp = latest;
    const existing = this.ids.find(ticket.id);
    if (existing < 0) {
      this.write(this.addSlot(), ticket, file);
      return { outcome: 'added', loserFile: -1, createdDiffers: false };
    }
    return this.settle(existing, ticket.createdAt, ticket.updatedAt, file, (slot) => writeTicket(this, slot, ticket));
  }

  /**
   * A record of `file` whose id is held in slot `existing` already: the one with the latest
   * updated_at wins, and `write` writes the record's values into the slot when it does.
   */
  private settle(existing: number, createdAt: number, incoming: number, file: number, write: (slot: number) => void): UpsertResult {
    // Another creation time for the same id: the rows are events of one ticket, not copies of it.
    const createdDiffers = this.createdAt[existing] !== createdAt;
    const held = this.updatedAt[existing]!;
    const heldWins = !Number.isNaN(held) && (Number.isNaN(incoming) || held > incoming);
    if (heldWins) return { outcome: 'kept', loserFile: file, createdDiffers };
    const loserFile = this.sourceFile[existing]!;
    write(existing);
    this.setSourceFile(existing, file);
    return { outcome: 'replaced', loserFile, createdDiffers };
  }

  /**
   * Folds one event of an event log into its ticket (the ticket's `createdAt` is the event's
   * time): the ticket is created at its earliest event and updated at its latest (or at a later
   * updated_at); with `folding.resolution`, resolved at its latest event that `resolves`, with
   * `folding.firstResponse`, first answered at its earliest that `responds`; every other column
   * holds the value of the latest event that has one (on a tie, the event read last). The ticket
   * counts as used in the file of its latest event. Returns whether the id was new.
   */
  foldEvent(ticket: ParsedTicket, file: number, resolves: boolean, responds: boolean): boolean {
    const latest = latestTime(ticket);
    if (latest > this.latestTimestamp) this.latestTimestamp = latest;
    const time = ticket.createdAt;
    let slot = this.ids.find(ticket.id);
    const added = slot < 0;
    if (added) {
      slot = this.addSlot();
      writeTicket(this, slot, ticket);
      this.latestEvent[slot] = -Infinity;
      this.updatedAt[slot] = Number.NaN;
      if (this.folding!.resolution) this.resolvedAt[slot] = Number.NaN;
      if (this.folding!.firstResponse) this.firstResponseAt[slot] = Number.NaN;
    }
    this.foldTicket!(this, slot, ticket, time);
    if (time < this.createdAt[slot]!) this.owned('createdAt')[slot] = time;
    // NaN (blank) never counts: comparisons with NaN are false.
    const updated = ticket.updatedAt > time ? ticket.updatedAt : time;
    if (!(this.updatedAt[slot]! >= updated)) this.owned('updatedAt')[slot] = updated;
    if (time >= this.latestEvent[slot]!) {
      this.latestEvent[slot] = time;
      this.setSourceFile(slot, file);
    }
    if (resolves && !(this.resolvedAt[slot]! >= time)) this.owned('resolvedAt')[slot] = time;
    if (responds && !(this.firstResponseAt[slot]! <= time)) this.owned('firstResponseAt')[slot] = time;
    return added;
  }

  /** After the last event: a ticket whose `resolved` no event gave is resolved when its status (the latest one given) says so. */
  settleEvents(): void {
    const statuses = this.dictionaries.status;
    for (let slot = 0; slot < this.length; slot++) {
      const resolved = resolvedOrByStatus(this.resolved[slot]!, statuses.valueOf(this.status[slot]!));
      if (resolved !== this.resolved[slot]) this.owned('resolved')[slot] = resolved;
    }
  }

  /** Room for `count` more tickets, so that the columns are not grown (copied) ticket by ticket. */
  reserve(count: number): void {
    if (this.length + count > this.capacity) this.resize(this.length + count);
    this.ids.reserve(count);
  }

  /**
   * After the last record: the room made that no ticket took is given back (when it is more than a
   * tenth), the index of ids goes and their bytes are trimmed, and the dictionaries' indexes go:
   * the report only reads the columns.
   */
  seal(): void {
    const keep = Math.max(this.length, 1024);
    if (this.capacity > keep * 1.1) this.resize(keep);
    // The indexes and the fold's own bookkeeping are done with: their memory is kept for the
    // arrays computing makes, or freed (see keepSpare).
    const done = [...this.ids.seal(), ...Object.values(this.dictionaries).map((dictionary) => dictionary.seal())];
    done.push(...[...Object.values(this.eventTimes), this.noEventYet, this.latestEvent].map((times) => times.buffer as ArrayBuffer));
    this.eventTimes = {} as Record<keyof StoreColumns, Float64Array>;
    this.noEventYet = this.latestEvent = new Float64Array(0);
    this.keepSpare(done.filter((buffer) => buffer !== undefined));
  }

  tagsOf(slot: number): readonly string[] {
    return this.tagListOf(this.tags[slot]!);
  }

  /** The tags of a tag-list code (see the tags dictionary). */
  tagListOf(code: number): readonly string[] {
    return code < 0 ? [] : this.tagLists[code]!;
  }

  private write(slot: number, ticket: ParsedTicket, file: number): void {
    writeTicket(this, slot, ticket);
    this.setSourceFile(slot, file);
  }

  /** The code of a tags value whose tags are `list` already (see replay). */
  tagListCodeOf(text: string, list: string[]): number {
    const code = this.dictionaries.tags.codeOf(text);
    if (code === this.tagLists.length) this.tagLists.push(list);
    return code;
  }

  /** Interns a tags value by its text as written, so a list is split only the first time it is seen (for the writer). */
  tagListCode(tags: string | string[] | null): number {
    if (tags === null) return -1;
    const code = this.dictionaries.tags.codeOf(typeof tags === 'string' ? tags : JSON.stringify(tags));
    // Split from the value the dictionary keeps (see ownString), not from a slice of the line.
    if (code === this.tagLists.length) this.tagLists.push(tagList(typeof tags === 'string' ? this.dictionaries.tags.values[code]! : tags));
    return code;
  }

  /**
   * Copies code or count column `name` into wider arrays (CODE_ARRAYS) until it holds `code`, before
   * that code or count is written (an Int8Array would keep 200 as -56), in an array of its own (see
   * owned). Returns how many codes it holds (the least it cannot).
   */
  makeRoom(name: TextField | CountField, code: number): number {
    let column: CodeArray = this.owned(name);
    while (codesHeld(column) <= code) column = wider(column);
    this[name] = column;
    return codesHeld(column);
  }

  /**
   * Column `name`, for a value that is not blank to be written in: a column that is a blank array
   * (see BLANK_ARRAYS) is given a copy of its own first, and a blank array no column is any more goes.
   * Only the slots of tickets so far are copied (see resize): the room reserved for a large file is
   * touched only as tickets fill it.
   */
  owned<K extends keyof StoreColumns>(name: K): StoreColumns[K] {
    const columns = this as unknown as Record<K, StoreArray>;
    const blanks = columns[name];
    if (this.blankArrays.includes(blanks)) {
      const own = new (blanks.constructor as new (length: number) => StoreArray)(blanks.length);
      own.set(blanks.subarray(0, this.length));
      columns[name] = own;
      this.dropUnusedBlankArrays();
    }
    return columns[name] as unknown as StoreColumns[K];
  }

  /** Column `name`'s event times in an array of its own (see eventTimes), for a time to be written in. */
  ownEventTimes(name: keyof StoreColumns): void {
    this.eventTimes[name] = this.noEventYet.slice();
  }

  private dropUnusedBlankArrays(): void {
    const columns = this as unknown as Record<string, StoreArray>;
    this.blankArrays = this.blankArrays.map((blanks) => (COLUMNS.some((c) => columns[c.name] === blanks) ? blanks : undefined));
  }

  /**
   * Room for `capacity` tickets. Every column is written at a slot when a ticket takes it (each
   * writer writes every column, a blank too) before anything reads it there: the slots past
   * `length` hold nothing to keep, and the room past them is new memory touched only as tickets fill it.
   */
  private resize(capacity: number): void {
    this.capacity = capacity;
    const columns = this as unknown as Record<string, StoreArray>;
    const blankArrays = this.blankArrays.map((blanks, i) => blanks && blankArray(i, capacity));
    for (const column of COLUMNS) {
      const array = columns[column.name]!;
      columns[column.name] = array === this.blankArrays[column.shares] ? blankArrays[column.shares]! : resized(array, capacity);
    }
    this.blankArrays = blankArrays;
    this.sourceFile = resized(this.sourceFile, capacity);
    if (this.folding === undefined) return;
    // Times of slots no ticket has taken yet are -Infinity (no event), like those of noEventYet.
    const previous = this.noEventYet;
    this.noEventYet = new Float64Array(capacity).fill(-Infinity);
    for (const name of Object.keys(this.eventTimes) as (keyof StoreColumns)[]) {
      const times = this.eventTimes[name];
      this.eventTimes[name] = times === previous ? this.noEventYet : resized(times, capacity).fill(-Infinity, previous.length);
    }
    this.latestEvent = resized(this.latestEvent, capacity);
  }
}

/**
 * Resolved at a moment the data does not give: resolved by its status or its `resolved` column,
 * without a resolution time. resolution_rate counts it as resolved and no backlog holds it; the
 * metrics placed by the resolution (tickets_resolved, resolution_time, the resolution SLA) leave it out.
 */
export function resolvedAtUnknownTime(tickets: TicketStore, slot: number): boolean {
  return Number.isNaN(tickets.resolvedAt[slot]!) && tickets.resolved[slot] === YesNo.yes;
}
