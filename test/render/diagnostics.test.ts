import { describe, expect, it } from 'vitest';
import { formatRejection, formatRejectionSummary } from '../../src/render/diagnostics.js';
import { ingest } from '../helpers/build.js';

describe('formatRejection', () => {
  it('file:line: field: reason, as in the spec', () => {
    expect(
      formatRejection({
        scope: 'record',
        file: 'tickets.csv',
        line: 42,
        field: 'solved_at',
        code: 'before_created',
        message: '2026-03-01T10:00:00Z is before created_at 2026-03-02T08:00:00Z',
      }),
    ).toBe('tickets.csv:42: solved_at: 2026-03-01T10:00:00Z is before created_at 2026-03-02T08:00:00Z');
  });

  it('a record that could not be split into fields has no field part', () => {
    expect(formatRejection({ scope: 'record', file: 'a.json', line: 3, field: null, code: 'malformed_record', message: 'record 3 is not an object' })).toBe(
      'a.json:3: record 3 is not an object',
    );
  });

  it('a file name with escape sequences is printed clean', () => {
    const line = formatRejection({ scope: 'record', file: '\u001b[2Jevil\u202E.csv', line: 2, field: 'nps', code: 'invalid_value', message: 'x' });
    expect(line).not.toContain('\u001b');
    expect(line).not.toContain('\u202E');
    expect(line).toMatch(/evil.*:2: nps: x$/);
  });
});

describe('formatRejectionSummary', () => {
  it('is empty when nothing was rejected', () => {
    expect(formatRejectionSummary(ingest([{ id: 'A', created_at: '2026-03-02T08:00:00Z' }]))).toBe('');
  });

  it('counts per reason (most frequent first, with its code), each followed by its records', () => {
    const summary = ingest([
      { id: 'A', created_at: '2026-03-02T08:00:00Z' },
      { id: 'B', created_at: '2026-03-02T08:00:00Z', first_response_at: 'soon' },
      { id: 'C', created_at: 'nope' },
      { id: 'D', created_at: '2026-03-02T08:00:00Z', solved_at: '2026-03-01T08:00:00Z' },
      { id: 'E', created_at: '2026-03-02T08:00:00Z', closed_at: 'never' },
    ]);
    const lines = formatRejectionSummary(summary).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('4 of 5 records rejected:');
    expect(lines[1]).toMatch(/^\s+3 {2}.*\(invalid_timestamp\)$/);
    expect(lines[2]).toMatch(/^\s+file1\.json:2: first_response_at: .*"soon"/);
    expect(lines[3]).toMatch(/^\s+file1\.json:3: created_at: .*"nope"/);
    expect(lines[4]).toMatch(/^\s+file1\.json:5: closed_at: .*"never"/);
    expect(lines[5]).toMatch(/^\s+1 {2}.*\(before_created\)$/);
    expect(lines[6]).toMatch(/^\s+file1\.json:4: solved_at: /);
    expect(lines).toHaveLength(8);
  });

  it('then the values set aside, per reason, apart from the records rejected', () => {
    const summary = ingest([
      { id: 'A', created_at: '2026-03-02T08:00:00Z', nps: 11 },
      { id: 'C', created_at: 'nope', nps: 12 },
      { id: 'D', created_at: '2026-03-02T08:00:00Z', satisfaction: 'meh' },
    ]);
    expect(formatRejectionSummary(summary).split('\n')).toEqual([
      '1 of 3 records rejected:',
      '        1  not a timestamp (invalid_timestamp)',
      `           file1.json:2: created_at: "nope" is not an ISO 8601 timestamp (e.g. 2026-03-02T09:15:00Z; for another format give --date-format its pattern, e.g. 'dd/MM/yyyy HH:mm')`,
      '2 values set aside (the tickets are used without them):',
      '        2  value not allowed (invalid_value)',
      '           file1.json:1: nps: "11" is not a score from 0 to 10',
      '           file1.json:3: satisfaction: "meh" is not a rating (good, bad, or a whole number 1–5)',
      '',
    ]);
  });

  it('shows the first three records of each reason, in reading order, and how many more there are', () => {
    const records = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `T${i}`, created_at: 'bad' })),
      { id: 'N', created_at: '2026-03-02T08:00:00Z', solved_at: '2026-03-01T08:00:00Z' },
    ];
    const lines = formatRejectionSummary(ingest(records)).split('\n');
    expect(lines[0]).toBe('31 of 31 records rejected:');
    expect(lines[1]).toMatch(/^\s+30 {2}not a timestamp \(invalid_timestamp\)$/);
    expect(lines.slice(2, 5).map((l) => Number(/:(\d+):/.exec(l)![1]))).toEqual([1, 2, 3]);
    expect(lines[5]).toMatch(/^\s+… and 27 more$/);
    expect(lines[6]).toMatch(/^\s+1 {2}.*\(before_created\)$/);
    expect(lines[7]).toMatch(/^\s+file1\.json:31: solved_at:/);
  });
});
