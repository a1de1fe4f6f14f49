import { describe, expect, it } from 'vitest';
import type { DateFormat } from '../../src/dialect/dates.js';
import { COMMON_SENTINELS, EMPTY_DIALECT, fieldColumns, recordMapper, type Dialect, type FieldColumns } from '../../src/dialect/dialect.js';
import { FIELD_INDEX, TICKET_FIELDS, TIMESTAMP_FIELDS, type TicketField } from '../../src/schema/fields.js';
import { tagList } from '../../src/schema/validate.js';
import { utcMillis, wallTimeReader } from '../../src/time/zone.js';

/**
 * Issue 4, "Your own mapping" and "Dialects and formats seen in the wild": which header holds
 * which field, value maps (`"satisfaction": {"Very happy": 5}`, `"channel": {"Mail": "email"}`),
 * sentinels that read as blank (`1900-01-01`, `-`, `?`, `N/A`), and a duration standing in for a
 * timestamp the export does not carry (Zendesk's `First reply time in minutes`).
 */

function dialect(overrides: Partial<Dialect>): Dialect {
  return { ...EMPTY_DIALECT, sentinels: COMMON_SENTINELS, ...overrides };
}

function columnsOf(header: readonly string[], d: Dialect): FieldColumns {
  const columns = fieldColumns(header, d);
  if (typeof columns === 'string') throw new Error(`unexpected problem: ${columns}`);
  return columns;
}

/** The column index of each field found (fields not found left out). */
function found(columns: FieldColumns): Partial<Record<TicketField, number>> {
  return Object.fromEntries(TICKET_FIELDS.filter((f) => columns.column[FIELD_INDEX[f]]! >= 0).map((f) => [f, columns.column[FIELD_INDEX[f]]!]));
}

type Mapped = Partial<Record<TicketField, unknown>>;

/**
 * Maps each record with `d` (dates in `formats`, read in `zone`) and returns the defined canonical
 * values by field name, or the problem.
 */
function mapRecords(
  d: Dialect,
  header: string[],
  records: string[][],
  formats: Partial<Record<TicketField, DateFormat>> = {},
  zone = 'UTC',
): (Mapped | { problem: { field: TicketField | null; code: string; message: string } })[] {
  const map = recordMapper(d, columnsOf(header, d), formats, zone === 'UTC' ? utcMillis : wallTimeReader(zone));
  return records.map((record) => {
    const out = new Array<unknown>(TICKET_FIELDS.length);
    const problem = map(record, out, []);
    if (problem !== null) return { problem };
    // Timestamps come out read (epoch ms): shown here as ISO 8601 (UTC), the instant they stand for.
    const shown = (f: TicketField, value: unknown): unknown => (TIMESTAMP_FIELDS.includes(f) && typeof value === 'number' ? new Date(value).toISOString() : value);
    return Object.fromEntries(TICKET_FIELDS.flatMap((f, i) => (out[i] === undefined ? [] : [[f, shown(f, out[i])]])));
  });
}

describe('fieldColumns: which header holds which field', () => {
  it('a mapped header is found ignoring case and surrounding spaces', () => {
    const d = dialect({ columns: { id: 'Ref', created_at: 'Opened On', agent: 'Owner' } });
    const columns = columnsOf(['  opened ON ', 'REF', 'notes', 'owner  '], d);
    expect(found(columns)).toEqual({ id: 1, created_at: 0, agent: 3 });
    expect([...columns.present].sort()).toEqual(['agent', 'created_at', 'id']);
  });

  it('a field the dialect does not name is found by its canonical name, also ignoring case', () => {
    const d = dialect({ columns: { created_at: 'Opened On' } });
    expect(found(columnsOf(['ID', 'Opened On', ' Team '], d))).toEqual({ id: 0, created_at: 1, team: 2 });
  });

  it('a mapped header that is not in the file leaves its field absent (no fallback to the canonical name)', () => {
    const d = dialect({ columns: { id: 'Ref', agent: 'Owner' } });
    // `agent` is mapped to "Owner", which is missing: the "agent" column is not taken instead.
    expect(found(columnsOf(['Ref', 'created_at', 'agent'], d))).toEqual({ id: 0, created_at: 1 });
  });

  it('a mapped header appearing twice is a problem naming both columns', () => {
    const d = dialect({ columns: { id: 'Ref', agent: 'Owner' } });
    const problem = fieldColumns(['Ref', 'created_at', 'Owner', 'owner '], d);
    expect(problem).toEqual(expect.stringContaining('twice'));
    expect(problem).toEqual(expect.stringContaining('3'));
    expect(problem).toEqual(expect.stringContaining('4'));
  });

  it('an unused header appearing twice is not a problem', () => {
    const d = dialect({ columns: { id: 'Ref' } });
    expect(found(columnsOf(['Ref', 'created_at', 'Notes', 'Notes'], d))).toEqual({ id: 0, created_at: 1 });
  });

  it('a minutes-after-created column makes its field present when the timestamp column is absent', () => {
    const d = dialect({ columns: { id: 'Id', created_at: 'Created at' }, afterCreated: { first_response_at: { header: 'First reply time in minutes', unit: 'minutes' } } });
    const columns = columnsOf(['Id', 'Created at', 'first reply time in minutes'], d);
    expect(columns.present).toContain('first_response_at');
    expect(columns.column[FIELD_INDEX.first_response_at]).toBe(-1);
    expect(columns.durationColumn[FIELD_INDEX.first_response_at]).toBe(2);
  });
});

describe('recordMapper: values', () => {
  const header = ['Ref', 'Opened On', 'Rating', 'Medium', 'Owner', 'Labels'];
  const base = dialect({
    columns: { id: 'Ref', created_at: 'Opened On', satisfaction: 'Rating', channel: 'Medium', agent: 'Owner', tags: 'Labels' },
    values: {
      satisfaction: { 'Very happy': 5, Unhappy: 1, Offered: '' },
      channel: { Mail: 'email', 'Web Form': 'web' },
    },
  });

  it('value maps: keys compared ignoring case and surrounding spaces; unlisted values pass through', () => {
    const rows = mapRecords(base, header, [
      ['A', '2026-03-02 09:00:00', 'Very happy', 'Mail', 'Ana', ''],
      ['B', '2026-03-02 09:00:00', ' very HAPPY ', 'MAIL', 'Ben', ''],
      ['C', '2026-03-02 09:00:00', 'unhappy', 'web form', 'Cleo', ''],
      ['D', '2026-03-02 09:00:00', 'good', 'Phone', 'Dan', ''],
    ]);
    expect(rows.map((r) => [(r as Mapped).satisfaction, (r as Mapped).channel])).toEqual([
      [5, 'email'],
      [5, 'email'],
      [1, 'web'],
      ['good', 'Phone'],
    ]);
  });

  it('a value mapped to "" reads as blank', () => {
    const [row] = mapRecords(base, header, [['A', '2026-03-02 09:00:00', 'OFFERED', 'Mail', 'Ana', '']]);
    expect(row).not.toHaveProperty('satisfaction');
    expect(row).toMatchObject({ id: 'A', channel: 'email' });
  });

  it.each(['?', '-', 'N/A', 'n/a', '1900-01-01 00:00:00', '1900-01-01', ' ? ', '', '9999-12-31', '9999-12-31 23:59:59', '31/12/9999 00:00', '12/31/9999'])('the sentinel %j reads as blank, in text and date columns', (sentinel) => {
    const d = dialect({ columns: { id: 'Ref', created_at: 'Opened On', solved_at: 'Closed On', agent: 'Owner', team: 'Queue' } });
    const [row] = mapRecords(d, ['Ref', 'Opened On', 'Closed On', 'Owner', 'Queue'], [['A', '2026-03-02 09:00:00', sentinel, sentinel, sentinel]]);
    expect(row).toEqual({ id: 'A', created_at: '2026-03-02T09:00:00.000Z' });
  });

  it('a dialect without sentinels keeps "-" and "?" as values', () => {
    const d = dialect({ columns: { id: 'Ref', created_at: 'Opened On', agent: 'Owner' }, sentinels: [] });
    const rows = mapRecords(d, ['Ref', 'Opened On', 'Owner'], [['A', '2026-03-02 09:00:00', '-'], ['B', '2026-03-02 09:00:00', '?']]);
    expect(rows.map((r) => (r as Mapped).agent)).toEqual(['-', '?']);
  });

  it('tags separated by spaces become a list; the default comma separator leaves the text for the validator', () => {
    const spaced = dialect({ ...base, tagSeparator: ' ' });
    const [row] = mapRecords(spaced, header, [['A', '2026-03-02 09:00:00', '', '', '', 'billing  refund vip']]);
    expect(tagList((row as Mapped).tags as string[])).toEqual(['billing', 'refund', 'vip']);
    const [commaRow] = mapRecords(base, header, [['A', '2026-03-02 09:00:00', '', '', '', 'billing, refund']]);
    expect(commaRow).toMatchObject({ tags: 'billing, refund' });
    expect(tagList((commaRow as Mapped).tags as string)).toEqual(['billing', 'refund']);
  });

  it('values are trimmed', () => {
    const [row] = mapRecords(base, header, [['  A ', ' 2026-03-02 09:00:00 ', '', '', '  Ana  ', '']]);
    expect(row).toEqual({ id: 'A', created_at: '2026-03-02T09:00:00.000Z', agent: 'Ana' });
  });
});

describe('recordMapper: dates', () => {
  const d = dialect({ columns: { id: 'number', created_at: 'opened_at', solved_at: 'resolved_at', updated_at: 'sys_updated_at' } });
  const header = ['number', 'opened_at', 'resolved_at', 'sys_updated_at'];

  it('each date column is read in its own format and handed on as the instant (shown in ISO 8601, UTC)', () => {
    const [row] = mapRecords(d, header, [['INC1', '29-02-2016 01:16', '03/01/2016 1:30 PM', '1456794600']], {
      created_at: 'DMY',
      solved_at: 'MDY',
      updated_at: 'epoch-seconds',
    });
    // 03/01/2016 1:30 PM month-first is 1 March 13:30; 1456794600 s is 2016-03-01 01:10 UTC.
    expect(row).toEqual({
      id: 'INC1',
      created_at: '2016-02-29T01:16:00.000Z',
      solved_at: '2016-03-01T13:30:00.000Z',
      updated_at: '2016-03-01T01:10:00.000Z',
    });
  });

  it('dates without an offset are read in the input zone', () => {
    // 29 February 2016 01:16 in Berlin (UTC+1) is 00:16 UTC.
    const [row] = mapRecords(d, header, [['INC1', '29-02-2016 01:16', '', '']], { created_at: 'DMY' }, 'Europe/Berlin');
    expect(row).toMatchObject({ created_at: '2016-02-29T00:16:00.000Z' });
  });

  it('an ISO value in a day-first column is still read as ISO', () => {
    const [row] = mapRecords(d, header, [['INC1', '2016-02-29 01:16:00', '', '']], { created_at: 'DMY' });
    expect(row).toMatchObject({ created_at: '2016-02-29T01:16:00.000Z' });
  });

  it.each<[string, DateFormat, string]>([
    ['02/29/2016 1:16 PM', 'DMY', 'solved_at'],
    ['31/04/2016 10:00', 'DMY', 'solved_at'],
    ['29/02/2016 01:16', 'MDY', 'solved_at'],
    ['someday', 'iso', 'solved_at'],
  ])('%j in a %s column is rejected as invalid_timestamp naming the field', (raw, format, field) => {
    const [row] = mapRecords(d, header, [['INC1', '2016-02-29 01:16:00', raw, '']], { solved_at: format });
    expect(row).toEqual({ problem: { field, code: 'invalid_timestamp', message: expect.stringContaining(raw) } });
  });

  it('a date in no format in created_at names created_at', () => {
    const [row] = mapRecords(d, header, [['INC1', '31/04/2016 10:00', '', '']], { created_at: 'DMY' });
    expect(row).toEqual({ problem: { field: 'created_at', code: 'invalid_timestamp', message: expect.stringContaining('31/04/2016 10:00') } });
  });
});

describe('recordMapper: a duration in minutes standing in for a timestamp', () => {
  const zendeskLike = dialect({
    columns: { id: 'Id', created_at: 'Created at', first_response_at: 'First reply at' },
    afterCreated: { first_response_at: { header: 'First reply time in minutes', unit: 'minutes' } },
  });
  const withoutTimestamp = ['Id', 'Created at', 'First reply time in minutes'];
  const withTimestamp = ['Id', 'Created at', 'First reply at', 'First reply time in minutes'];

  it('created_at + minutes is the first response, when the export has no first-response timestamp', () => {
    const rows = mapRecords(zendeskLike, withoutTimestamp, [
      ['1', '2026-03-02 09:00:00', '30'],
      ['2', '2026-03-02 23:50:00', '20'],
      ['3', '2026-03-02 09:00:00', '0'],
      ['4', '2026-03-02 09:00:00', '12.5'],
    ]);
    expect(rows.map((r) => (r as Mapped).first_response_at)).toEqual([
      '2026-03-02T09:30:00.000Z',
      '2026-03-03T00:10:00.000Z', // across midnight
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T09:12:30.000Z', // 12.5 min = 750 s
    ]);
  });

  it('a decimal comma (12,5 minutes) is read when the dialect says numbers have one (";" files), else rejected', () => {
    // Issue 4: "decimal comma in number columns when the delimiter is ;".
    const record = [['1', '2026-03-02 09:00:00', '12,5']];
    const [withComma] = mapRecords({ ...zendeskLike, decimalComma: true }, withoutTimestamp, record);
    expect(withComma).toMatchObject({ first_response_at: '2026-03-02T09:12:30.000Z' });
    const [withoutComma] = mapRecords(zendeskLike, withoutTimestamp, record);
    expect(withoutComma).toEqual({ problem: { field: 'first_response_at', code: 'invalid_value', message: expect.stringContaining('12,5') } });
  });

  it('the minutes are added to created_at as read in the input zone', () => {
    // 09:00 in Berlin is 08:00 UTC; + 30 min.
    const [row] = mapRecords(zendeskLike, withoutTimestamp, [['1', '2026-03-02 09:00:00', '30']], {}, 'Europe/Berlin');
    expect(row).toMatchObject({ created_at: '2026-03-02T08:00:00.000Z', first_response_at: '2026-03-02T08:30:00.000Z' });
  });

  it('a timestamp column, when present and filled, wins over the duration', () => {
    const [row] = mapRecords(zendeskLike, withTimestamp, [['1', '2026-03-02 09:00:00', '2026-03-02 09:05:00', '30']]);
    expect(row).toMatchObject({ first_response_at: '2026-03-02T09:05:00.000Z' });
  });

  it('a timestamp column that is blank or a sentinel lets the duration stand in', () => {
    const rows = mapRecords(zendeskLike, withTimestamp, [
      ['1', '2026-03-02 09:00:00', '', '30'],
      ['2', '2026-03-02 09:00:00', '1900-01-01 00:00:00', '45'],
    ]);
    expect(rows.map((r) => (r as Mapped).first_response_at)).toEqual(['2026-03-02T09:30:00.000Z', '2026-03-02T09:45:00.000Z']);
  });

  it('a blank or sentinel duration leaves the field blank', () => {
    const rows = mapRecords(zendeskLike, withoutTimestamp, [
      ['1', '2026-03-02 09:00:00', ''],
      ['2', '2026-03-02 09:00:00', '-'],
      ['3', '2026-03-02 09:00:00', 'N/A'],
    ]);
    for (const row of rows) expect(row).not.toHaveProperty('first_response_at');
  });

  it('no created_at, no first response from minutes (the validator then rejects the missing created_at)', () => {
    const [row] = mapRecords(zendeskLike, withoutTimestamp, [['1', '', '30']]);
    expect(row).toEqual({ id: '1' });
  });

  it.each(['-5', 'soon', '1h'])('a duration %j that is not minutes ≥ 0 is rejected as invalid_value naming the field', (raw) => {
    const [row] = mapRecords(zendeskLike, withoutTimestamp, [['1', '2026-03-02 09:00:00', raw]]);
    expect(row).toEqual({ problem: { field: 'first_response_at', code: 'invalid_value', message: expect.stringContaining(raw) } });
  });
});
