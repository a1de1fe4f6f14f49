import { beforeAll, describe, expect, it } from 'vitest';
import { writeDialectFixtures } from '../helpers/dialect-fixtures.js';
import { expectOneLineError, cli, stderrLines, type Run } from '../helpers/cli.js';

/**
 * Issue 4, "Dialects and formats seen in the wild", end to end: the built CLI on the byte-exact
 * files of test/fixtures/dialects/ (written by test/helpers/dialect-fixtures.ts).
 *
 * "Done when: a semicolon, decimal-comma, day-first export saved by Excel with a BOM reads
 * correctly" — excel-it.csv (UTF-8 BOM, `;`, CRLF; UTC; W10 = 2–8 March 2026, W11 = 9–15 March):
 *
 *   id  created_at        first_response_at        solved_at                 agent    channel sat  handle_time  tags
 *   T1  02/03/2026 09:00  02/03 09:10 (+600 s)     02/03 11:00 (+7200 s)     Niccolò  email   5    90,5         billing,refund
 *   T2  03/03/2026 14:30  03/03 15:00 (+1800 s)    —                         Marco    chat    —    120          —
 *   T3  13/03/2026 08:00  13/03 08:30 (+1800 s)    14/03 08:00 (+86400 s)    Niccolò  email   bad  1.234,5      —
 *   T4  10/03/2026 10:00  —                        —                         —        phone   —    —            —
 *
 * 13/03 and 14/03 can only be day-first, so every date column is day-first; read month-first,
 * T1 and T2 would fall in February. By hand:
 *   W10: created T1 T2 = 2; resolved T1 = 1; backlog at the end T2 = 1; resolution rate 1/2;
 *        first response 600, 1800 s: mean = median = 1200, p90 = 600 + 0.9 × 1200 = 1680;
 *        resolution 7200; handle time 90.5 (the decimal comma); CSAT 1/1 (a 5); cancellation 1/1
 *        (tag refund); abandonment 0/1 (the chat T2 was answered).
 *   W11: created T3 T4 = 2; resolved T3 = 1; backlog T2 T4 = 2; resolution rate 1/2; first
 *        response 1800; resolution 86400; handle time 1234.5 (thousands dot, decimal comma);
 *        CSAT 0/1 (bad); cancellation 0/1; no chat created: abandonment 0/0.
 *   Totals: first response 600, 1800, 1800: mean 1400, median 1800, p90 1800; resolution 7200,
 *        86400: mean 46800, p90 = 7200 + 0.9 × 79200 = 78480; handle time 90.5, 1234.5: mean 662.5.
 */

let cwd: string;
beforeAll(() => {
  cwd = writeDialectFixtures();
});

const sm = async (...args: string[]): Promise<Run> => await cli(args, { cwd });

const ok = (r: Run): string => {
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

const duration = (count: number, mean: number, median: number, p90: number) => ({ count, mean, median, p90 });
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });

describe('the Excel export (";", decimal comma, day-first, BOM)', () => {
  it('report -f json: the numbers worked out by hand', async () => {
    const r = await sm('report', 'excel-it.csv', '-f', 'json');
    const report = JSON.parse(ok(r));
    expect(stderrLines(r)).toEqual([
      'excel-it.csv: fields separated by semicolons (detected from the header line); numbers read with a decimal comma (1,5 = 1.5)',
      'excel-it.csv: dates read as created_at day first; first_response_at day first; solved_at day first',
    ]);
    // 5 read = the header line + T1–T4, all used
    expect(report.input).toEqual({
      records: 4,
      rejected: 0,
      duplicates: 0,
      folded: 0,
      setAside: 0,
      files: [{ path: 'excel-it.csv', read: 5, header: 1, blank: 0, folded: 0, records: 4, duplicates: 0, rejected: 0, setAside: 0 }],
    });
    for (const f of report.input.files) expect(f.header + f.blank + f.records + f.duplicates + f.rejected).toBe(f.read);
    expect(report.range).toEqual({ from: '2026-03-02T00:00:00+00:00', to: '2026-03-16T00:00:00+00:00' });
    expect(report.rows.map((row: { period: string }) => row.period)).toEqual(['2026-W10', '2026-W11']);
    const [w10, w11] = report.rows as { metrics: Record<string, unknown> }[];
    expect(w10!.metrics).toMatchObject({
      tickets_created: 2,
      tickets_resolved: 1,
      backlog: 1,
      resolution_rate: rate(1, 2),
      first_response_time: duration(2, 1200, 1200, 1680),
      resolution_time: duration(1, 7200, 7200, 7200),
      handle_time: duration(1, 90.5, 90.5, 90.5),
      csat: rate(1, 1),
      cancellation_rate: rate(1, 1),
      abandonment_rate: rate(0, 1),
      resolved_per_agent: rate(1, 1),
    });
    expect(w11!.metrics).toMatchObject({
      tickets_created: 2,
      tickets_resolved: 1,
      backlog: 2,
      resolution_rate: rate(1, 2),
      first_response_time: duration(1, 1800, 1800, 1800),
      resolution_time: duration(1, 86400, 86400, 86400),
      handle_time: duration(1, 1234.5, 1234.5, 1234.5),
      csat: rate(0, 1),
      cancellation_rate: rate(0, 1),
      abandonment_rate: rate(0, 0),
    });
    const totals = report.totals.metrics;
    expect(totals).toMatchObject({
      tickets_created: 4,
      tickets_resolved: 2,
      first_response_time: duration(3, 1400, 1800, 1800),
      resolution_time: duration(2, 46800, 46800, 78480),
      csat: rate(1, 2),
    });
    expect(totals.handle_time.mean).toBe(662.5);
  });

  it('tickets: names with accents, tags split on the comma inside a ";" field', async () => {
    const lines = ok(await sm('tickets', 'excel-it.csv')).trim().split('\n');
    const header = lines[0]!.split(',');
    const column = (line: string, name: string): string => line.split(',')[header.indexOf(name)]!;
    expect(lines.slice(1).map((l) => [column(l, 'id'), column(l, 'agent'), column(l, 'handle_time')])).toEqual([
      ['T1', 'Niccolò', '90.5'],
      ['T2', 'Marco', '120'],
      ['T4', '', ''],
      ['T3', 'Niccolò', '1234.5'],
    ]);
    expect(lines[1]).toContain('"billing,refund"');
  });

  it('gzip-compressed, it gives the same report', async () => {
    const plain = JSON.parse(ok(await sm('report', 'excel-it.csv', '-f', 'json')));
    const compressed = JSON.parse(ok(await sm('report', 'excel-it.csv.gz', '-f', 'json')));
    expect(compressed.rows).toEqual(plain.rows);
    expect(compressed.totals).toEqual(plain.totals);
    expect(compressed.input.files[0].path).toBe('excel-it.csv.gz');
  });

  it('--delimiter ";" gives the same report without saying it detected anything', async () => {
    const detected = await sm('report', 'excel-it.csv', '-f', 'json');
    const given = await sm('report', 'excel-it.csv', '-f', 'json', '--delimiter', ';');
    expect(ok(given)).toBe(ok(detected));
    expect(stderrLines(given)[0]).toBe('excel-it.csv: numbers read with a decimal comma (1,5 = 1.5)');
  });
});

describe('encodings', () => {
  const plainTickets = async (): Promise<string> => ok(await sm('tickets', 'tickets.csv'));

  it("Excel's Unicode text (UTF-16 LE with BOM, tabs, .txt) reads like the UTF-8 file", async () => {
    const r = await sm('tickets', 'excel-unicode.txt');
    expect(ok(r)).toBe(await plainTickets());
    expect(r.stdout).toContain('José,Équipe €');
    expect(stderrLines(r)).toEqual(['excel-unicode.txt: read as UTF-16 LE (from its byte order mark); fields separated by tabs (detected from the header line)']);
  });

  it('UTF-16 BE with BOM', async () => {
    expect(ok(await sm('tickets', 'utf16be.csv'))).toBe(await plainTickets());
  });

  it('Windows-1252 needs --encoding, and then reads like the UTF-8 file', async () => {
    // 26 bytes of header and CRLF, then "A,2026-03-02T09:00:00Z,Jos": the é (0xE9) is byte 52.
    const line = expectOneLineError(await sm('tickets', 'windows-1252.csv'), 3);
    expect(line).toBe('support-metrics: windows-1252.csv:2: byte 52: not valid UTF-8; if the file came from Excel, try --encoding windows-1252');
    const r = await sm('tickets', 'windows-1252.csv', '--encoding', 'windows-1252');
    expect(ok(r)).toBe(await plainTickets());
    expect(r.stderr).toBe('');
  });

  it('an invalid byte: exit 3, one line with the offset and the hint, never a replacement character', async () => {
    const r = await sm('report', 'invalid-utf8.csv', '-f', 'json');
    expect(expectOneLineError(r, 3)).toBe('support-metrics: invalid-utf8.csv:3: byte 72: not valid UTF-8; if the file came from Excel, try --encoding windows-1252');
    expect(r.stderr).not.toContain('\uFFFD');
  });

  it('an unpaired surrogate in UTF-16', async () => {
    expect(expectOneLineError(await sm('tickets', 'lone-surrogate.csv'), 3)).toBe(
      'support-metrics: lone-surrogate.csv:2: byte 90: not valid UTF-16 LE; the file may be damaged or cut short',
    );
  });

  it('a byte order mark that contradicts --encoding', async () => {
    expect(expectOneLineError(await sm('tickets', 'excel-unicode.txt', '--encoding', 'utf-8'), 3)).toBe(
      'support-metrics: excel-unicode.txt: starts with the byte order mark of UTF-16 LE, not UTF-8; leave out --encoding utf-8',
    );
  });
});

describe('gzip', () => {
  it('tickets.csv.gz and tickets.ndjson.gz read directly, the format from the extension before .gz', async () => {
    const plain = ok(await sm('tickets', 'tickets.csv'));
    expect(ok(await sm('tickets', 'tickets.csv.gz'))).toBe(plain);
    expect(ok(await sm('tickets', 'tickets.ndjson.gz'))).toBe(plain);
  });

  it('damaged gzip data', async () => {
    expect(expectOneLineError(await sm('tickets', 'truncated.csv.gz'), 3)).toBe('support-metrics: truncated.csv.gz: not valid gzip data: unexpected end of file');
  });
});

describe('flags', () => {
  it.each(['report', 'tickets'])('%s --help lists --delimiter and --encoding', async (command) => {
    const help = ok(await sm(command, '--help'));
    expect(help).toContain('--delimiter <char>');
    expect(help).toContain('--encoding <name>');
    expect(help).toContain('"windows-1252"');
  });

  it.each([
    [['--delimiter', '|'], 0],
    [['--delimiter', ','], 3],
    [['--delimiter', 'tab'], 3],
  ] as const)('pipe.csv %j: exit %d', async (flags, code) => {
    const r = await sm('tickets', 'pipe.csv', ...flags);
    expect(r.code, r.stderr).toBe(code);
    if (code === 3) expect(r.stderr).toBe('support-metrics: pipe.csv:1: no "id" or "created_at" column, and no preset fits the header (columns found: "id|created_at|agent|team"); `support-metrics inspect pipe.csv` describes the columns and how to map them\n');
  });

  it('--delimiter tab, and \\t', async () => {
    expect(ok(await sm('tickets', 'excel-unicode.txt', '--delimiter', 'tab'))).toBe(ok(await sm('tickets', 'tickets.csv')));
    expect((await sm('tickets', 'excel-unicode.txt', '--delimiter', '\\t')).code).toBe(0);
  });

  it('a --delimiter that is not one of them is a usage error', async () => {
    expect(expectOneLineError(await sm('report', 'pipe.csv', '--delimiter', ':'), 2)).toBe('support-metrics: --delimiter: ":" is not one of , ; | tab');
  });

  it('an --encoding that is not one of them is a usage error', async () => {
    const r = await sm('report', 'tickets.csv', '--encoding', 'latin9');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--encoding.*'latin9' is invalid.*windows-1252/);
  });
});
