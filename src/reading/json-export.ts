import { fieldColumns, recordMapper, type Dialect, type RecordMapper } from '../dialect/dialect.js';
import { chooseJsonPreset, isoDateFormats, recognisedNotice } from '../dialect/interpret.js';
import { cellText, valueAt } from '../dialect/json-fields.js';
import { InputError } from '../errors.js';
import { jsonRecords, MAX_NESTING, nestedDeeperThan, parseElement, type JsonText } from '../io/json-records.js';
import { ndjsonLines, parseLine } from '../io/ndjson-lines.js';
import type { InputProgress } from '../io/progress.js';
import { DEFAULT_MAX_RECORD_SIZE } from '../io/read-limits.js';
import type { PresetName, Presets } from '../presets/index.js';
import type { Preset } from '../presets/types.js';
import { canonicalFieldOf, FIELD_INDEX, IDENTIFIER_FIELDS, RECORD_FIELDS, TICKET_FIELDS, TIMESTAMP_FIELDS, type TicketField } from '../schema/fields.js';
import type { FieldProblem } from '../schema/validate.js';
import type { FileUnderstanding } from '../tickets/file-reading.js';
import type { Ingest } from '../tickets/ingest.js';
import { describeColumns, IDENTITY_COLUMNS, KeyCounter, ValueCounter } from './column-readings.js';
import { splitBefore, type JsonPartPlan, type LaterReader, type PartRead } from './parts.js';
import type { ReadOptions } from './read-options.js';

/**
 * Reads the objects of one JSON or NDJSON export into the Ingest: with a JSON preset (asked for,
 * or recognised from the first object's keys by the interpretation step) each object becomes a row
 * of its key paths' values and goes through the preset's record mapper like a CSV row; else its
 * keys are the canonical field names.
 */

export interface JsonExport {
  name: string;
  /** The Ingest's index of the file. */
  file: number;
  chunks: AsyncIterable<Buffer>;
  /** The text's size in bytes, when known: the store makes room for the tickets it holds from the first block on. */
  size?: number | undefined;
  /** What inspect says of the file, filled in as it is decided. */
  understood: FileUnderstanding;
  /** Told the records read, a block at a time (a terminal's progress line). */
  progress?: InputProgress | undefined;
  /** The file's later part (NDJSON, a JSON array), read by a second thread (see later-part.ts) once the first object has decided how objects are read. */
  later?: LaterReader | undefined;
}

const IDENTIFIER_INDEXES = IDENTIFIER_FIELDS.map((field) => FIELD_INDEX[field]);

/** A JSON number that JSON.parse could not hold exactly: an integer beyond 2^53 (a 20-digit id loses its last digits). */
const isInexactInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);

/** The number literals of a JSON text that are inexact integers, by the value JSON.parse made of them (strings skipped). */
function inexactLiterals(text: string): Map<number, string> {
  const literals = new Map<number, string>();
  for (const [token] of text.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
    if (token.charCodeAt(0) === 0x22) continue;
    const value = Number(token);
    if (isInexactInteger(value) && !literals.has(value)) literals.set(value, token);
  }
  return literals;
}

/** How many of a file's keys `align` remembers the field of (a file whose keys never repeat cannot grow the map without end). */
const KEYS_REMEMBERED = 1000;

/** How many places in an object the key last seen there is remembered for. */
const KEYS_BY_POSITION = 64;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the first object of a file decided: the JSON preset that reads the file (undefined: the keys are canonical). */
export interface JsonDecision {
  preset: string | undefined;
}

/** A JSON preset's key paths, the mapper of the rows made from them, and which of them identify someone. */
const TAGS = FIELD_INDEX.tags;

interface MappedPreset {
  name: string;
  dialect: Dialect;
  labels: string[];
  identifiers: (TicketField | undefined)[];
  /** The label that holds the tags, whose JSON list is handed on as a list (a tag may hold a comma); -1: none. */
  tagsLabel: number;
  mapper: RecordMapper;
}

export class JsonObjectReader {
  private readonly values = new Array<unknown>(TICKET_FIELDS.length);
  private readonly keyOfField = new Array<string | undefined>(TICKET_FIELDS.length);
  private readonly present = new Uint8Array(TICKET_FIELDS.length);
  /** Values of the object being read that were set aside. */
  private readonly aside: FieldProblem[] = [];
  /** Each key's field index (-1: none): the same keys come in every object, and matching them anew each time took a tenth of the read. */
  private readonly fieldOfKey = new Map<string, number>();
  /**
   * The key last seen at each place in an object, and its field: objects of one export list their
   * keys in the same order, and a key found at its place needs no lookup (~0.3 µs an object less).
   */
  private readonly keyAt: (string | undefined)[] = [];
  private readonly fieldAt: number[] = [];
  private readonly keys: KeyCounter | undefined;
  private readonly keysSeen = new Set<string>();
  private counter: ValueCounter | undefined;
  private decided = false;
  private preset: MappedPreset | undefined;
  /** The digits of inexact numbers, found again in the text they were parsed from (a page's, once). */
  private literals: { text: string; of: Map<number, string> } | undefined;

  /** `decided`: what the first object of the file decided (a part of it read by a second thread), else the first object read decides. */
  constructor(
    private readonly source: JsonExport,
    private readonly ingest: Ingest,
    private readonly options: ReadOptions,
    private readonly presets: Presets,
    decided?: JsonDecision,
  ) {
    this.keys = options.countValues === true ? new KeyCounter() : undefined;
    if (decided === undefined) return;
    this.decided = true;
    if (decided.preset !== undefined) this.preset = this.mappedPreset(presets[decided.preset as PresetName]);
  }

  /** What the first object decided, once it did. */
  get decision(): JsonDecision | undefined {
    return this.decided ? { preset: this.preset?.name } : undefined;
  }

  /** What the objects so far held, besides their records: for the reader of the file's first part (see addPart). */
  partRead(): Pick<PartRead, 'counts' | 'objects'> {
    const present = TICKET_FIELDS.filter((_, f) => this.present[f] === 1);
    return { counts: this.counter?.counts(), objects: { present, keys: this.keys?.counts(), keysSeen: [...this.keysSeen] } };
  }

  /** Takes in what the objects of the file's later part held (read by a second thread, after these). */
  addPart({ counts, objects }: PartRead): void {
    if (counts !== undefined) this.counter?.addCounts(counts);
    if (objects === undefined) return;
    for (const field of objects.present) this.present[FIELD_INDEX[field]] = 1;
    if (objects.keys !== undefined) this.keys?.addCounts(objects.keys);
    for (const key of objects.keysSeen) this.keysSeen.add(key);
  }

  /** An identifier JSON.parse rounded: its problem, quoting the digits as written. */
  private inexact(field: TicketField, value: number, text: string, key?: string): FieldProblem {
    if (this.literals?.text !== text) this.literals = { text, of: inexactLiterals(text) };
    const written = this.literals.of.get(value) ?? String(value);
    const where = key === undefined || key === field ? '' : ` (${key})`;
    return { field, code: 'invalid_value', message: `${written}${where} is too large for a JSON number to hold exactly; export ids as strings` };
  }

  /** The first object decides: a JSON preset reads the file, or the keys are canonical. */
  private decide(first: Record<string, unknown>): void {
    this.decided = true;
    const { name, understood } = this.source;
    const choice = chooseJsonPreset(Object.keys(first), name, this.options, this.presets);
    if (choice === undefined) return;
    if (choice.from === 'keys') this.ingest.notice(recognisedNotice(name, choice));
    understood.preset = { name: choice.preset.name, title: choice.preset.title, from: choice.from };
    this.preset = this.mappedPreset(choice.preset);
  }

  private mappedPreset(preset: Preset): MappedPreset {
    const { understood } = this.source;
    const dialect = preset.dialect;
    const labels = [...new Set([...Object.values(dialect.columns), ...Object.values(dialect.afterCreated).map((d) => d.header)])];
    const columns = fieldColumns(labels, dialect);
    if (typeof columns === 'string') throw new Error(`preset ${preset.name}: ${columns}`);
    this.ingest.fieldsPresent(columns.present);
    understood.columns = describeColumns(labels, columns, dialect);
    understood.dateFormats = isoDateFormats(
      TIMESTAMP_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! >= 0),
      (field) => labels[columns.column[FIELD_INDEX[field]]!]!,
    );
    if (this.options.countValues === true) this.counter = new ValueCounter(labels.length, dialect.sentinels);
    const identifiers = labels.map((label) => IDENTIFIER_FIELDS.find((field) => dialect.columns[field] === label));
    const tagsLabel = dialect.columns.tags === undefined ? -1 : labels.indexOf(dialect.columns.tags);
    return { name: preset.name, dialect, labels, identifiers, tagsLabel, mapper: recordMapper(dialect, columns, {}, this.ingest.readLocal) };
  }

  /**
   * One parsed record. `position`: its record number (array) or line (NDJSON); `text`: the JSON text
   * it was parsed from (its own, or the whole page's), where an inexact number's digits are found.
   */
  add(item: unknown, position: number, notObject: string, text: string): void {
    const { file } = this.source;
    if (!isPlainObject(item)) return this.ingest.malformed(file, position, notObject);
    if (nestedDeeperThan(item, MAX_NESTING)) return this.ingest.malformed(file, position, `nests objects and lists more than ${MAX_NESTING} levels deep; no ticket does`);
    if (!this.decided) this.decide(item);
    if (this.preset === undefined) this.addCanonical(item, position, text);
    else this.addMapped(item, position, text, this.preset);
  }

  /**
   * Aligns an object's keys to canonical field positions (matched like CSV headers), and marks the
   * fields present. Returns, for each field that two keys name (`"Id"` and `"id"`), the first two,
   * the first one's value kept: which one holds the value is not for the reader to guess, so the
   * caller rejects the record (id, created_at…) or sets the value aside.
   */
  private align(object: Record<string, unknown>): [string, string][] | undefined {
    const { values, keyOfField, present, keyAt, fieldAt } = this;
    let twice: [string, string][] | undefined;
    values.fill(undefined);
    keyOfField.fill(undefined);
    let k = 0;
    // An object's own keys in order (as Object.keys, without making its list).
    for (const key in object) {
      let f: number;
      if (keyAt[k] === key) f = fieldAt[k]!;
      else {
        f = this.fieldOf(key);
        if (k < KEYS_BY_POSITION) {
          keyAt[k] = key;
          fieldAt[k] = f;
        }
      }
      k++;
      if (f < 0) continue;
      const earlier = keyOfField[f];
      if (earlier !== undefined) {
        // A third key for the field adds nothing: the first two say it.
        if (!twice?.some(([first]) => first === earlier)) (twice ??= []).push([earlier, key]);
        continue;
      }
      keyOfField[f] = key;
      values[f] = object[key];
      present[f] = 1;
    }
    return twice;
  }

  /** A key's field index (-1: none), remembered for the first KEYS_REMEMBERED keys. */
  private fieldOf(key: string): number {
    let f = this.fieldOfKey.get(key);
    if (f === undefined) {
      const field = canonicalFieldOf(key);
      f = field === undefined ? -1 : FIELD_INDEX[field];
      if (this.fieldOfKey.size < KEYS_REMEMBERED) this.fieldOfKey.set(key, f);
    }
    return f;
  }

  /**
   * A problem with one field's value: the record's rejection (a field of RECORD_FIELDS: true),
   * else the value set aside (blank in `values`).
   */
  private rejectsRecord(problem: FieldProblem): boolean {
    if (problem.field !== null && RECORD_FIELDS.includes(problem.field)) return true;
    this.aside.push(problem);
    if (problem.field !== null) this.values[FIELD_INDEX[problem.field]] = undefined;
    return false;
  }

  private addCanonical(item: Record<string, unknown>, position: number, text: string): void {
    const { file } = this.source;
    this.keys?.add(item);
    this.aside.length = 0;
    for (const [first, second] of this.align(item) ?? []) {
      const field = canonicalFieldOf(second)!;
      const problem: FieldProblem = { field, code: 'invalid_value', message: `the keys ${JSON.stringify(first)} and ${JSON.stringify(second)} both name ${field}; keep one` };
      if (this.rejectsRecord(problem)) return this.ingest.unmappable(file, position, problem);
    }
    for (let i = 0; i < IDENTIFIER_INDEXES.length; i++) {
      const value = this.values[IDENTIFIER_INDEXES[i]!];
      if (isInexactInteger(value)) {
        const problem = this.inexact(IDENTIFIER_FIELDS[i]!, value, text);
        if (this.rejectsRecord(problem)) return this.ingest.unmappable(file, position, problem);
      }
    }
    this.ingest.record(file, position, this.values, IDENTITY_COLUMNS, false, this.aside);
  }

  private addMapped(item: Record<string, unknown>, position: number, text: string, preset: MappedPreset): void {
    const { dialect, labels, identifiers, tagsLabel } = preset;
    let tags: unknown;
    if (this.options.countValues === true) for (const key of Object.keys(item)) this.keysSeen.add(key);
    const row = new Array<string>(labels.length);
    let rounded: FieldProblem[] | undefined;
    for (let c = 0; c < labels.length; c++) {
      const label = labels[c]!;
      const derived = dialect.derived?.[label];
      const value = derived === undefined ? valueAt(item, label) : derived.value(item);
      if (c === tagsLabel) tags = value;
      const identifier = identifiers[c];
      if (identifier !== undefined && isInexactInteger(value)) {
        (rounded ??= []).push(this.inexact(identifier, value, text, label));
        row[c] = '';
      } else {
        row[c] = cellText(value, dialect.tagSeparator);
      }
    }
    this.counter?.add(row);
    const problem = rounded?.find((p) => p.field !== null && RECORD_FIELDS.includes(p.field)) ?? preset.mapper(row, this.values, this.aside);
    // A list of tags read as it is (no value map or sentinel changed it) stays a list: joined and split again, a tag with a comma would become two.
    if (Array.isArray(tags) && this.values[TAGS] === row[tagsLabel]) this.values[TAGS] = tags.map((t) => cellText(t, dialect.tagSeparator)).filter((t) => t !== '');
    if (problem === null) this.ingest.record(this.source.file, position, this.values, IDENTITY_COLUMNS, true, rounded === undefined ? this.aside : [...rounded, ...this.aside]);
    else this.ingest.unmappable(this.source.file, position, problem);
  }

  /** Every object read: what inspect says of the keys. */
  finish(): void {
    const { understood } = this.source;
    if (this.preset === undefined) {
      const fields = new Set(TICKET_FIELDS.filter((_, f) => this.present[f] === 1));
      this.ingest.fieldsPresent(fields);
      if (this.keys !== undefined) understood.columns = this.keys.columns();
      understood.dateFormats = isoDateFormats(
        TIMESTAMP_FIELDS.filter((f) => fields.has(f)),
        (field) => understood.columns.find((c) => c.field === field)?.header ?? field,
      );
      return;
    }
    this.counter?.writeInto(understood.columns);
    // The object's own keys that no key path reads: ignored (counted only for inspect).
    const { dialect, labels } = this.preset;
    const read = new Set(labels.flatMap((label) => dialect.derived?.[label]?.reads ?? [label]).map((path) => path.split('.')[0]!));
    for (const key of this.keysSeen) {
      if (!read.has(key)) understood.columns.push({ header: key, field: null, as: null, blank: null, sentinel: null, rejected: 0, setAside: 0 });
    }
  }
}

/** A JSON document's records: an array, or an API page a JSON preset knows (the one asked for, else any). `at`: where it starts, for the message. */
function pageRecords(data: unknown, at: string, options: ReadOptions, presets: Presets): unknown[] {
  if (Array.isArray(data)) return data;
  if (isPlainObject(data)) {
    const candidates = options.preset !== undefined ? [presets[options.preset]] : Object.values(presets);
    for (const preset of candidates) {
      const records = preset.records?.(data);
      if (records !== undefined) return records;
    }
  }
  const found = isPlainObject(data) ? 'an object that is no API page a preset knows' : data === null ? 'null' : typeof data;
  throw new InputError(`${at}: expected a JSON array of ticket objects, found ${found}`);
}

/** An array's elements into the Ingest through `reader`, each parsed as it is asked for; returns how many. */
export function readElements(reader: JsonObjectReader, ingest: Ingest, name: string, elements: Iterable<JsonText>): number {
  const keepRaw = ingest.keepRaw;
  let count = 0;
  for (const element of elements) {
    const item = parseElement(name, element);
    if (keepRaw) ingest.raw = element.text;
    reader.add(item, element.position, 'is not a JSON object', element.text);
    count++;
  }
  return count;
}

/** An NDJSON block's lines into the Ingest through `reader`: each line a record, a blank line none. */
export function readLines(reader: JsonObjectReader, ingest: Ingest, file: number, lines: readonly JsonText[]): void {
  const keepRaw = ingest.keepRaw;
  for (const { text, position } of lines) {
    const trimmed = text.trim();
    if (trimmed === '') {
      ingest.blank(file);
      continue;
    }
    if (keepRaw) ingest.raw = text;
    const parsed = parseLine(trimmed, text.length - text.trimStart().length);
    if ('problem' in parsed) ingest.malformed(file, position, parsed.problem);
    else reader.add(parsed.value, position, 'is not a JSON object', trimmed);
  }
}

/**
 * A file's later part read by a second thread (source.later; see splitBefore): given its plan
 * once the first object has decided how objects are read, and taken in after the last record read
 * here, as if read here.
 */
function laterObjects(kind: JsonPartPlan['kind'], source: JsonExport, ingest: Ingest, options: ReadOptions, reader: JsonObjectReader, maxRecordSize: number) {
  const { later, name, file, progress } = source;
  const parts = later && splitBefore(later);
  return {
    split: parts?.split,
    /** After each block. */
    begin(): void {
      const decision = reader.decision;
      if (later === undefined || later.started || decision === undefined) return;
      later.begin({ kind, name, maxRecordSize, inputZone: options.inputZone ?? 'UTC', unread: ingest.unread, preset: decision.preset, countValues: options.countValues === true }, progress);
    },
    /** After the last block read here. */
    takeIn(): void {
      const laterRead = parts?.taken();
      if (laterRead === undefined) return;
      const { part, firstLine } = laterRead;
      ingest.merge(file, part.ingest, firstLine);
      reader.addPart(part);
      source.understood.laterPartFrom = firstLine;
    },
  };
}

/**
 * Reads a JSON export: a top-level array element by element, else the whole document (an API page
 * a preset knows). A large array's later part is read by a second thread (source.later) once the
 * first object has decided how objects are read.
 */
export async function readJsonExport(source: JsonExport, ingest: Ingest, options: ReadOptions, presets: Presets): Promise<void> {
  const reader = new JsonObjectReader(source, ingest, options, presets);
  const keepRaw = ingest.keepRaw;
  const room = ingest.roomAhead(source.size);
  const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  const later = laterObjects('json', source, ingest, options, reader, maxRecordSize);
  try {
    for await (const block of jsonRecords(source.chunks, source.name, { maxRecordSize, split: later.split })) {
      if (block.kind === 'elements') {
        const count = readElements(reader, ingest, source.name, block.items);
        source.progress?.records(count);
        // The rest of the file's records: the later part's too, which are filed here.
        room(count, block.bytes);
        later.begin();
        continue;
      }
      // The page's records have no text of their own: the rejects file gets them as JSON (none
      // for a record nested too deep to be written out).
      const records = pageRecords(block.value, `${source.name}:${block.start.line}:${block.start.column}`, options, presets);
      source.progress?.records(records.length);
      records.forEach((item, i) => {
        if (keepRaw) ingest.raw = nestedDeeperThan(item, MAX_NESTING) ? undefined : JSON.stringify(item);
        reader.add(item, i + 1, 'is not a JSON object', block.text);
      });
    }
    later.takeIn();
  } finally {
    ingest.raw = undefined;
    source.later?.cancel();
  }
  reader.finish();
}

/**
 * Reads an NDJSON export line by line; a line that is not valid JSON is a rejected record, not the
 * end of the run. A large file's later part is read by a second thread (source.later) once the
 * first object has decided how objects are read.
 */
export async function readNdjsonExport(source: JsonExport, ingest: Ingest, options: ReadOptions, presets: Presets): Promise<void> {
  const reader = new JsonObjectReader(source, ingest, options, presets);
  const room = ingest.roomAhead(source.size);
  const { name, file, progress } = source;
  const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  const later = laterObjects('ndjson', source, ingest, options, reader, maxRecordSize);
  try {
    for await (const { lines, bytes } of ndjsonLines(source.chunks, name, { maxRecordSize, split: later.split })) {
      progress?.records(lines.length);
      // The rest of the file's records: the later part's too, which are filed here.
      room(lines.length, bytes);
      readLines(reader, ingest, file, lines);
      later.begin();
    }
    later.takeIn();
  } finally {
    ingest.raw = undefined;
    source.later?.cancel();
  }
  reader.finish();
}
