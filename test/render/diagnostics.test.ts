import { describe, expect, it } from 'vitest';
import { formatRejection, formatRejectionSummary } from '../../src/render/diagnostics.js';
import { ingest } from '../helpers/build.js';

describe('formatRejection', () => {
  it('file:line: field: reason, as in the spec', () => {
    expect(
      formatRejection({
        file: 'tickets.csv',
        line: 42,
        field: 'solved_at',
        code: 'before_created',
        message: '2026-03-01T10:00:00Z is before created_at 2026-03-02T08:00:00Z',
      }),
    ).toBe('tickets.csv:42: solved_at: 2026-03-01T10:00:00Z is before created_at 2026-03-02T08:00:00Z');
  });

  it('a record that could not be split into fields has no field part', () => {
    expect(formatRejection({ file: 'a.json', line: 3, field: null, code: 'malformed_record', message: 'record 3 is not an object' })).toBe(
      'a.json:3: record 3 is not an object',
    );
  });

  it('a file name with escape sequences is printed clean', () => {
    const line = formatRejection({ file: '\u001b[2Jevil\u202E.csv', line: 2, field: 'nps', code: 'invalid_value', message: 'x' });
    expect(line).not.toContain('\u001b');
    expect(line).not.toContain('\u202E');
    expect(line).toMatch(/evil.*:2: nps: x$/);
  });
});

describe('formatRejectionSummary', () => {
  it('is empty when nothing was rejected', () => {
    expect(formatRejectionSummary(ingest([{ id: 'A', created_at: '2026-03-02T08:00:00Z' }]))).toBe('');
  });

  it('counts per reason (most frequent first, with its code), then every example when there are few', () => {
    const summary = ingest([
      { id: 'A', created_at: '2026-03-02T08:00:00Z' },
      { id: 'B', created_at: '2026-03-02T08:00:00Z', nps: 11 },
      { id: 'C', created_at: 'nope' },
      { id: 'D', created_at: '2026-03-02T08:00:00Z', satisfaction: 'meh' },
    ]);
    const lines = formatRejectionSummary(summary).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toMatch(/^3 of 4 records rejected/);
    expect(lines[1]).toMatch(/^\s+2\s.*\(invalid_value\)$/);
    expect(lines[2]).toMatch(/^\s+1\s.*\(invalid_timestamp\)$/);
    const examples = lines.slice(-4, -1).map((l) => l.trim());
    expect(examples[0]).toMatch(/^file1\.json:2: nps: .*"11"/);
    expect(examples[1]).toMatch(/^file1\.json:3: created_at: .*"nope"/);
    expect(examples[2]).toMatch(/^file1\.json:4: satisfaction: .*"meh"/);
  });

  it('shows only the first few examples, in reading order, when there are many', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ id: `T${i}`, created_at: 'bad' }));
    const text = formatRejectionSummary(ingest(records));
    expect(text.split('\n')[0]).toMatch(/^30 of 30 records rejected/);
    const examples = text.split('\n').filter((l) => /file1\.json:\d+:/.test(l));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(examples.length).toBeLessThanOrEqual(10);
    expect(examples.map((l) => Number(/:(\d+):/.exec(l)![1]))).toEqual(Array.from({ length: examples.length }, (_, i) => i + 1));
  });
});
