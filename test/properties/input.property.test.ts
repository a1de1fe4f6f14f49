import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../helpers/temp-files.js';
import { settingsFrom } from '../../src/config/config.js';
import { computeReport } from '../../src/engine/compute.js';
import { eventSpan, resolveRange } from '../../src/engine/range.js';
import { readTicketSources } from '../../src/reading/read-exports.js';
import { METRICS } from '../../src/metrics/index.js';
import type { Report } from '../../src/report/types.js';
import type { Dimension } from '../../src/schema/fields.js';
import { Ingest, type IngestSummary } from '../../src/tickets/ingest.js';
import type { TicketStore } from '../../src/tickets/store.js';
import type { Period } from '../../src/time/periods.js';
import { wallTimeReader } from '../../src/time/zone.js';

/**
 * Properties of reading CSV exports, checked through the real reader (readTicketSources into an
 * Ingest, from files on disk) and the real report computation (as test/helpers/build.ts does it):
 *
 *  a. round trip: whatever csv-stringify writes (quotes, delimiters, CR, LF, CRLF inside fields,
 *     any Unicode) is read back as the same values, trimmed as the validator trims them;
 *  b. accounting: per file, read = header + blank + used + duplicates + rejected, and the tickets
 *     used are the distinct ids among the valid records;
 *  c. the order of the records changes no metric;
 *  d. splitting one export into several files (in order) changes no metric.
 *
 * numRuns are kept small so that the file runs in a few seconds (PROPERTY_RUNS multiplies them);
 * a failure prints its seed and path (`fc.assert(…, { seed, path })` replays it).
 */

/** PROPERTY_RUNS=10 npx vitest run test/properties/ runs ten times as many cases, for a deeper search. */
const runs = (n: number): number => n * Number(process.env.PROPERTY_RUNS ?? '1');

/** Writes each content to its own file in a fresh directory; returns the paths in the same order. */
const { files: writeFiles } = tempFiles('properties');

async function read(paths: string[]): Promise<IngestSummary> {
  const ingest = new Ingest(wallTimeReader('UTC'));
  await readTicketSources(paths, ingest, Readable.from([]), {});
  return ingest.finish();
}

/** The Report the `report` command computes from what was read (range resolved the same way). */
function reportFrom(summary: IngestSummary, period: Period, by: Dimension[]): Report {
  const span = eventSpan(summary.store) ?? { earliest: 0, latest: 0 };
  const settings = settingsFrom({ sla: [{ name: 'Default', firstResponse: '4h', resolution: '2d' }] }, 'test config');
  return computeReport(summary, {
    metrics: METRICS,
    period,
    zone: 'UTC',
    inputZone: 'UTC',
    by,
    range: resolveRange(span, period, 'UTC', {}),
    attribution: 'event',
    churnTags: settings.churnTags,
    sla: settings.sla,
  });
}

/** What a metric comparison looks at: every row and the totals (not the per-file input counts). */
const metricsOf = (report: Report) => ({ range: report.range, notes: report.notes, rows: report.rows, totals: report.totals });

/**
 * csv-stringify quotes a field holding \n or \r only by default: given a record_delimiter it
 * quotes only fields holding that one, unless quote_record_delimiter says otherwise.
 */
const WRITE_OPTIONS = (eol: string) => ({ record_delimiter: eol, quote_record_delimiter: true });

const csvOf = (header: readonly string[], rows: readonly (readonly string[])[], eol = '\n'): string =>
  stringify([header, ...rows], WRITE_OPTIONS(eol));

// ---------------------------------------------------------------------------------------------
// Timestamps

const YEAR_2015 = Date.UTC(2015, 0, 1);
const YEAR_2031 = Date.UTC(2031, 0, 1);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

type OffsetStyle = 'Z' | 'colon' | 'compact';

/** `at` (epoch ms) written as an ISO 8601 timestamp in a zone `offset` minutes east of UTC. */
function isoTimestamp(at: number, offset: number, style: OffsetStyle, separator: 'T' | ' ', millis: boolean): string {
  const wall = new Date(at + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ, in that zone
  const local = `${wall.slice(0, 10)}${separator}${wall.slice(11, millis ? 23 : 19)}`;
  if (style === 'Z' && offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(offset) / 60));
  const minutes = pad(Math.abs(offset) % 60);
  return `${local}${sign}${hours}${style === 'compact' ? '' : ':'}${minutes}`;
}

const offsetArb = fc.integer({ min: -12 * 4, max: 14 * 4 }).map((quarters) => quarters * 15);
const layoutArb = fc.record({
  offset: offsetArb,
  style: fc.constantFrom<OffsetStyle>('Z', 'colon', 'compact'),
  separator: fc.constantFrom<'T' | ' '>('T', ' '),
  millis: fc.boolean(),
});
type Layout = { offset: number; style: OffsetStyle; separator: 'T' | ' '; millis: boolean };

/** The instant a timestamp written in `layout` holds: without milliseconds, the second it falls in. */
const asWritten = (at: number, layout: Layout): number => (layout.millis ? at : at - (((at % 1000) + 1000) % 1000));

// ---------------------------------------------------------------------------------------------
// Text values

/**
 * Characters a CSV writer must take care of, and text around them. NUL is left out: the reader
 * refuses any NUL byte (src/io/decode-input.ts); every other character, control characters
 * included, is data.
 */
const trickyUnit = fc.constantFrom('"', ',', ';', '\t', '|', '\n', '\r', '\r\n', ' ', '\u00a0', '\ufeff', '\u2028', '=', "'", 'a', 'Z', 'é', '😀', '\u202e', '\x1b', '\x07', '\x7f');
const anyUnit = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '\0');
const textArb = fc.string({ unit: fc.oneof(trickyUnit, anyUnit), maxLength: 12 });

/** A blank value (empty or white space) is null after reading; any other is kept trimmed. */
const asRead = (value: string): string | null => (value.trim() === '' ? null : value.trim());

// ---------------------------------------------------------------------------------------------
// a. round trip

const TEXT_FIELDS = ['agent', 'team', 'channel', 'customer', 'status', 'priority', 'language'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const ROUND_TRIP_HEADER = ['id', 'created_at', 'first_response_at', 'solved_at', 'updated_at', ...TEXT_FIELDS, 'satisfaction'];

interface RoundTripRecord {
  id: string;
  createdAt: number;
  firstResponseAt: number | null;
  solvedAt: number | null;
  updatedAt: number | null;
  text: Record<TextField, string>;
  satisfaction: string;
  /** How each timestamp is written. */
  layout: Layout;
}

const roundTripRecordArb = (id: fc.Arbitrary<string>): fc.Arbitrary<RoundTripRecord> =>
  fc.record({
    id,
    createdAt: fc.integer({ min: YEAR_2015, max: YEAR_2031 }),
    firstResponseAfter: fc.option(fc.integer({ min: 0, max: 30 * 86_400_000 })),
    solvedAfter: fc.option(fc.integer({ min: 0, max: 60 * 86_400_000 })),
    updatedAfter: fc.option(fc.integer({ min: 0, max: 90 * 86_400_000 })),
    text: fc.record(Object.fromEntries(TEXT_FIELDS.map((f) => [f, textArb])) as Record<TextField, fc.Arbitrary<string>>),
    satisfaction: fc.constantFrom('', 'good', 'Bad', ' GOOD ', '1', '3', ' 4', '5'),
    layout: layoutArb,
  }).map(({ createdAt, firstResponseAfter, solvedAfter, updatedAfter, ...rest }) => ({
    ...rest,
    createdAt,
    firstResponseAt: firstResponseAfter === null ? null : createdAt + firstResponseAfter,
    solvedAt: solvedAfter === null ? null : createdAt + solvedAfter,
    updatedAt: updatedAfter === null ? null : createdAt + updatedAfter,
  }));

/** Ids that are not blank and stay distinct once trimmed (the same id twice would be a duplicate). */
const roundTripRecordsArb = fc.uniqueArray(
  roundTripRecordArb(textArb.filter((id) => id.trim() !== '')),
  { minLength: 1, maxLength: 15, selector: (r) => r.id.trim() },
);

function roundTripRow(r: RoundTripRecord): string[] {
  const at = (ms: number | null): string => (ms === null ? '' : isoTimestamp(ms, r.layout.offset, r.layout.style, r.layout.separator, r.layout.millis));
  return [r.id, at(r.createdAt), at(r.firstResponseAt), at(r.solvedAt), at(r.updatedAt), ...TEXT_FIELDS.map((f) => r.text[f]), r.satisfaction];
}

// 3 is neutral (2): a response, neither satisfied nor a negative rating
const SATISFACTION: Record<string, number> = { '': -1, good: 1, bad: 0, '1': 0, '2': 0, '3': 2, '4': 1, '5': 1 };

/** A stored ticket, as comparable values. */
function storedTicket(store: TicketStore, slot: number) {
  const time = (ms: number): number | null => (Number.isNaN(ms) ? null : ms);
  return {
    id: store.idOf(slot),
    createdAt: store.createdAt[slot]!,
    firstResponseAt: time(store.firstResponseAt[slot]!),
    resolvedAt: time(store.resolvedAt[slot]!),
    updatedAt: time(store.updatedAt[slot]!),
    text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, store.dictionaries[f].valueOf(store[f][slot]!)])),
    satisfaction: store.satisfaction[slot]!,
  };
}

function expectedTicket(r: RoundTripRecord) {
  const at = (ms: number | null): number | null => (ms === null ? null : asWritten(ms, r.layout));
  return {
    id: r.id.trim(),
    createdAt: at(r.createdAt),
    firstResponseAt: at(r.firstResponseAt),
    resolvedAt: at(r.solvedAt),
    updatedAt: at(r.updatedAt),
    text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, asRead(r.text[f])])),
    satisfaction: SATISFACTION[r.satisfaction.trim().toLowerCase()],
  };
}

describe('a. CSV round trip through csv-stringify', () => {
  it('every record is read back with the values written (trimmed; blank is null), in order, none rejected', async () => {
    await fc.assert(
      fc.asyncProperty(roundTripRecordsArb, fc.constantFrom('\n', '\r\n', '\r'), async (records, eol) => {
        const [path] = writeFiles([csvOf(ROUND_TRIP_HEADER, records.map(roundTripRow), eol)]);
        const summary = await read([path!]);
        expect(summary.examples).toEqual([]);
        expect(summary.files[0]).toMatchObject({ read: records.length + 1, header: 1, blank: 0, used: records.length, rejected: 0, duplicates: 0 });
        const stored = Array.from({ length: summary.store.length }, (_, slot) => storedTicket(summary.store, slot));
        expect(stored).toEqual(records.map(expectedTicket));
      }),
      { numRuns: runs(60) },
    );
  });

  it('a file read in pieces: the same values wherever the 64 KiB chunks of the file stream end (long quoted fields)', async () => {
    // 30 records of at least 2,200 characters: over 64 KiB, so that chunk boundaries fall inside
    // quoted fields, line breaks and multi-byte characters.
    const longText = fc.string({ unit: fc.oneof(trickyUnit, anyUnit), minLength: 2200, maxLength: 4000 });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(roundTripRecordArb(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '')), {
          minLength: 30,
          maxLength: 40,
          selector: (r) => r.id.trim(),
        }),
        fc.array(longText, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        async (records, agents, eol) => {
          const withLongAgents = records.map((r, i) => ({ ...r, text: { ...r.text, agent: agents[i % agents.length]! } }));
          const content = csvOf(ROUND_TRIP_HEADER, withLongAgents.map(roundTripRow), eol);
          expect(Buffer.byteLength(content)).toBeGreaterThan(64 * 1024);
          const [path] = writeFiles([content]);
          const summary = await read([path!]);
          expect(summary.examples).toEqual([]);
          const stored = Array.from({ length: summary.store.length }, (_, slot) => storedTicket(summary.store, slot));
          expect(stored).toEqual(withLongAgents.map(expectedTicket));
        },
      ),
      { numRuns: runs(8) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// b. accounting

const ACCOUNTING_HEADER = ['id', 'created_at', 'solved_at', 'updated_at', 'agent'];

type Line =
  | { kind: 'valid'; id: string; created: number; updated: number | null }
  | { kind: 'bad_timestamp'; id: string }
  | { kind: 'missing_id'; blankId: string; created: number }
  | { kind: 'solved_before_created'; id: string; created: number }
  | { kind: 'blank'; text: string }
  | { kind: 'ragged'; id: string; fields: number };

const poolId = fc.constantFrom('T1', 'T2', 'T3', 'T4', 'T5', 'T6', ' T1 ', 'x,y', 'q"q', 'multi\nline');
const createdArb = fc.integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2026, 5, 1) / 1000 }).map((s) => s * 1000);

const lineArb: fc.Arbitrary<Line> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('valid' as const), id: poolId, created: createdArb, updated: fc.option(createdArb) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bad_timestamp' as const), id: poolId }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('missing_id' as const), blankId: fc.constantFrom('', ' ', '\t'), created: createdArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('solved_before_created' as const), id: poolId, created: createdArb }) },
  // An empty line, a line of spaces, a row of empty fields (what spreadsheets leave below the data).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', '   ', ',,,,', ', ,') }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('ragged' as const), id: poolId, fields: fc.constantFrom(1, 2, 3, 4, 6, 7) }),
  },
);

const iso = (ms: number): string => new Date(ms).toISOString();

/** One line (or record) of the file, with its line break (`eol`; a quoted id may hold a \n of its own). */
function lineText(line: Line, eol: string): string {
  const row = (fields: string[]): string => stringify([fields], WRITE_OPTIONS(eol));
  switch (line.kind) {
    case 'valid':
      return row([line.id, iso(line.created), '', line.updated === null ? '' : iso(line.updated), 'alice']);
    case 'bad_timestamp':
      return row([line.id, '31/02/2026 10:00', '', '', 'bob']);
    case 'missing_id':
      return row([line.blankId, iso(line.created), '', '', 'carol']);
    case 'solved_before_created':
      return row([line.id, iso(line.created), iso(line.created - 60_000), '', 'dave']);
    case 'blank':
      return `${line.text}${eol}`;
    case 'ragged':
      return row([line.id, ...['2026-03-02T09:00:00Z', '', '', 'erin', 'extra', 'more'].slice(0, line.fields - 1)]);
  }
}

const accountingFilesArb = fc.array(
  fc.record({ leadingBlankLines: fc.nat({ max: 2 }), lines: fc.array(lineArb, { maxLength: 25 }), eol: fc.constantFrom('\n', '\r\n', '\r') }),
  { minLength: 1, maxLength: 3 },
);

describe('b. accounting', () => {
  it('per file: read = header + blank + used + duplicates + rejected; used = the distinct ids of the valid records', async () => {
    await fc.assert(
      fc.asyncProperty(accountingFilesArb, async (files) => {
        const contents = files.map(({ leadingBlankLines, lines, eol }) =>
          [eol.repeat(leadingBlankLines), csvOf(ACCOUNTING_HEADER, [], eol), ...lines.map((l) => lineText(l, eol))].join(''),
        );
        const paths = writeFiles(contents);
        const summary = await read(paths);

        const validIds = new Set<string>();
        files.forEach(({ leadingBlankLines, lines }, f) => {
          const count = (kind: Line['kind']): number => lines.filter((l) => l.kind === kind).length;
          const valid = count('valid');
          const rejected = count('bad_timestamp') + count('missing_id') + count('solved_before_created') + count('ragged');
          const blank = leadingBlankLines + count('blank');
          const account = summary.files[f]!;
          expect(account.path).toBe(paths[f]);
          expect({ header: account.header, blank: account.blank, rejected: account.rejected, usedOrDuplicate: account.used + account.duplicates }).toEqual({
            header: 1,
            blank,
            rejected,
            usedOrDuplicate: valid,
          });
          expect(account.read).toBe(account.header + account.blank + account.used + account.duplicates + account.rejected);
          expect(account.read).toBe(1 + leadingBlankLines + lines.length);
          for (const l of lines) if (l.kind === 'valid') validIds.add(l.id.trim());
        });
        expect(summary.store.length).toBe(validIds.size);
        expect(summary.files.reduce((n, f) => n + f.used, 0)).toBe(validIds.size);
        expect(new Set(Array.from({ length: summary.store.length }, (_, slot) => summary.store.idOf(slot)))).toEqual(validIds);
        expect(summary.rejected).toBe(summary.files.reduce((n, f) => n + f.rejected, 0));
        expect(summary.duplicates).toBe(summary.files.reduce((n, f) => n + f.duplicates, 0));
        expect(summary.rejectionsByCode.get('malformed_record') ?? 0).toBe(files.flatMap((f) => f.lines).filter((l) => l.kind === 'ragged').length);
        expect(summary.rejectionsByCode.get('before_created') ?? 0).toBe(
          files.flatMap((f) => f.lines).filter((l) => l.kind === 'solved_before_created').length,
        );
      }),
      { numRuns: runs(80) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// c, d. invariance of the metrics

const METRIC_HEADER = [
  'id',
  'created_at',
  'first_response_at',
  'solved_at',
  'closed_at',
  'updated_at',
  'agent',
  'team',
  'channel',
  'priority',
  'customer',
  'satisfaction',
  'nps',
  'agent_replies',
  'reopens',
  'handle_time',
  'escalated',
  'tags',
];

/**
 * Records of a few tickets, each id possibly written several times. Every record of one id has its
 * own updated_at (distinct instants: on a tie the record read last wins, by design, so the order
 * would matter). Whole seconds and whole-number durations, so that sums are exact in any order.
 */
const metricTicketArb = fc.record({
  created: fc.integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2026, 3, 1) / 1000 }),
  firstResponse: fc.option(fc.integer({ min: 0, max: 3 * 86_400 })),
  solved: fc.option(fc.integer({ min: 0, max: 20 * 86_400 })),
  closed: fc.option(fc.integer({ min: 0, max: 30 * 86_400 })),
  agent: fc.constantFrom('', 'alice', 'bob', 'carol'),
  team: fc.constantFrom('', 'core', 'billing'),
  channel: fc.constantFrom('', 'email', 'chat', 'phone'),
  priority: fc.constantFrom('', 'low', 'high'),
  customer: fc.constantFrom('', 'c1', 'c2', 'c3', 'c4'),
  satisfaction: fc.constantFrom('', 'good', 'bad', '1', '5'),
  nps: fc.constantFrom('', '0', '6', '7', '9', '10'),
  agentReplies: fc.constantFrom('', '0', '1', '2', '5'),
  reopens: fc.constantFrom('', '0', '1', '3'),
  handleTime: fc.constantFrom('', '0', '60', '301', '3600'),
  escalated: fc.constantFrom('', 'yes', 'no'),
  tags: fc.constantFrom('', 'refund', 'billing,cancellation', 'vip'),
});
/** One record as written: timestamps in epoch seconds (first response, solved, closed: seconds after created), the rest as CSV text. */
interface MetricRecord {
  id: string;
  created: number;
  firstResponse: number | null;
  solved: number | null;
  closed: number | null;
  updated: number;
  agent: string;
  team: string;
  channel: string;
  priority: string;
  customer: string;
  satisfaction: string;
  nps: string;
  agentReplies: string;
  reopens: string;
  handleTime: string;
  escalated: string;
  tags: string;
}

const metricRecordsArb: fc.Arbitrary<MetricRecord[]> = fc
  .array(metricTicketArb, { minLength: 1, maxLength: 30 })
  .chain((tickets) =>
    // Each ticket written 1–3 times, each time with its own updated_at.
    fc
      .tuple(
        ...tickets.map((ticket, t) =>
          fc.uniqueArray(fc.integer({ min: 0, max: 40 * 86_400 }), { minLength: 1, maxLength: 3 }).chain((updates) =>
            fc.tuple(
              ...updates.map((update) =>
                fc.record({ agent: fc.constantFrom<string>(ticket.agent, 'dave'), satisfaction: fc.constantFrom<string>(ticket.satisfaction, 'good', '') }).map((changed): MetricRecord => ({
                  ...ticket,
                  ...changed,
                  id: `T${t}`,
                  updated: ticket.created + update,
                })),
              ),
            ),
          ),
        ),
      )
      .map((perTicket) => perTicket.flat()),
  )
  // Interleaved: the records of one id need not follow each other.
  .chain((records) => fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }));

function metricRow(r: MetricRecord): string[] {
  const at = (seconds: number | null): string => (seconds === null ? '' : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));
  const after = (delta: number | null): number | null => (delta === null ? null : r.created + delta);
  return [
    r.id,
    at(r.created),
    at(after(r.firstResponse)),
    at(after(r.solved)),
    at(after(r.closed)),
    at(r.updated),
    r.agent,
    r.team,
    r.channel,
    r.priority,
    r.customer,
    r.satisfaction,
    r.nps,
    r.agentReplies,
    r.reopens,
    r.handleTime,
    r.escalated,
    r.tags,
  ];
}

const viewArb = fc.record({
  period: fc.constantFrom<Period>('week', 'month', 'all'),
  by: fc.constantFrom<Dimension[]>([], ['agent'], ['channel', 'team']),
});

describe('c. shuffle invariance', () => {
  it('the records in any order give the same metrics, rows and totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        metricRecordsArb.chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length }))),
        viewArb,
        async ([records, shuffled], { period, by }) => {
          const paths = writeFiles([csvOf(METRIC_HEADER, records.map(metricRow)), csvOf(METRIC_HEADER, shuffled.map(metricRow))]);
          const original = await read([paths[0]!]);
          const reordered = await read([paths[1]!]);
          expect(reordered.store.length).toBe(original.store.length);
          expect(metricsOf(reportFrom(reordered, period, by))).toEqual(metricsOf(reportFrom(original, period, by)));
        },
      ),
      { numRuns: runs(40) },
    );
  });
});

describe('d. split invariance', () => {
  it('one export split into several files, in order, gives the same metrics, rows and totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        metricRecordsArb.chain((records) =>
          fc.tuple(fc.constant(records), fc.uniqueArray(fc.integer({ min: 0, max: records.length }), { maxLength: 4 }).map((cuts) => cuts.sort((a, b) => a - b))),
        ),
        viewArb,
        async ([records, cuts], { period, by }) => {
          const bounds = [0, ...cuts, records.length];
          const parts = bounds.slice(1).map((end, i) => records.slice(bounds[i], end));
          const [whole, ...pieces] = writeFiles([
            csvOf(METRIC_HEADER, records.map(metricRow)),
            ...parts.map((part) => csvOf(METRIC_HEADER, part.map(metricRow))),
          ]);
          const one = await read([whole!]);
          const several = await read(pieces);
          expect(several.files).toHaveLength(parts.length);
          expect(several.store.length).toBe(one.store.length);
          expect(several.duplicates).toBe(one.duplicates);
          expect(metricsOf(reportFrom(several, period, by))).toEqual(metricsOf(reportFrom(one, period, by)));
        },
      ),
      { numRuns: runs(40) },
    );
  });
});
