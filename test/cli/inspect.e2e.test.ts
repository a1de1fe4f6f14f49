import { beforeAll, describe, expect, it } from 'vitest';
import { writeDialectFixtures } from '../helpers/dialect-fixtures.js';
import { expectOneLineError, fixtureDir, cli, stderrLines, type Run } from '../helpers/cli.js';

/**
 * Issue 4, "Say what was understood": `inspect FILE…` and `report --verbose`, end to end on small
 * fixtures whose counts are worked out by hand below.
 *
 * test/fixtures/inspect/canonical.csv (lines 2–10; line 7 is blank):
 *   2 A1  valid                                   → used
 *   3 A2  valid, solved_at/satisfaction/Notes blank → loses to line 8 (same id, neither has updated_at: the later wins): duplicate
 *   4 —   id blank                               → missing_required (id)
 *   5 A3  agent and Notes blank, satisfaction "meh" → invalid_value (satisfaction)
 *   6 A5  solved_at 09:00 before created_at 10:00 → before_created (solved_at)
 *   8 A2  valid                                   → used
 *   9 A4  5 fields for 6 columns                  → malformed_record (no field; not counted per column)
 *  10 A6  created_at "yesterday"                  → invalid_timestamp (created_at)
 * Read 10 = 1 header + 1 blank (line 7) + 2 used + 1 duplicate + 5 rejected. Blanks over the 7 well-formed rows:
 * id 1 (line 4); solved_at 5 (3, 4, 5, 8, 10); agent 1 (5); satisfaction 3 (3, 6, 10); Notes 3 (3, 5, 10).
 *
 * test/fixtures/inspect/tickets.json: J1 valid; J2 agent null; J3 agent "" and created_at "not a
 * date" (invalid_timestamp); "oops" is not an object (malformed_record). Read 4 = 0 blank + 2 used
 * + 0 duplicates + 2 rejected (a JSON array has no header line). Keys: agent blank 2
 * (null, ""); csat_comment, only in J1, blank (absent) in the other 2 objects; ignored.
 *
 * test/fixtures/presets/zendesk-support.csv (6 tickets; read 7 with the header): "Solved at" 1900-01-01 (a sentinel) on
 * 102, 104, 106; "Assigned at" (ignored) on 103, 106; Assignee blank on 106; Tags blank on 103,
 * 104, 106; "First reply time in minutes" blank on 103, 106 (it stands in for first_response_at).
 *
 * test/fixtures/presets/servicenow-incident-log.csv: 10 events of 4 incidents (6 older events are
 * duplicates; read 11 with the header); `?` in assigned_to 4 times, resolved_at 6, closed_at 9; dates day-first (14-03-2026).
 */

const inspectDir = fixtureDir('inspect');
const presetDir = fixtureDir('presets');

const sm = async (cwd: string, ...args: string[]): Promise<Run> => await cli(args, { cwd });
const ok = (r: Run): string => {
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

/** Every `records:` line in `text` adds up: read = header + blank + used + duplicates + rejected. */
function expectRecordsLinesBalance(text: string): void {
  const lines = text.split('\n').filter((l) => l.startsWith('  records:'));
  expect(lines.length).toBeGreaterThan(0);
  const n = (digits: string | undefined): number => (digits === undefined ? 0 : Number(digits.replace(/,/g, '')));
  for (const line of lines) {
    const m = /^ {2}records: {3}([\d,]+) read = (?:([\d,]+) header \+ )?([\d,]+) blank \+ ([\d,]+) used \+ ([\d,]+) duplicates? \+ ([\d,]+) rejected(?:; [\d,]+ values? set aside)?$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, read, header, blank, used, duplicates, rejected] = m!;
    expect(n(header) + n(blank) + n(used) + n(duplicates) + n(rejected), line).toBe(n(read));
  }
}

/** inspect --format json: a file's counts add up the same way. */
function expectCountsBalance(counts: { read: number; header: number; blank: number; used: number; duplicates: number; rejected: number }): void {
  expect(counts.header + counts.blank + counts.used + counts.duplicates + counts.rejected).toBe(counts.read);
}

describe('inspect: a canonical CSV with every kind of rejection', () => {
  it('prints, by hand: format, encoding, delimiter, columns, zone, counts, and one line per column', async () => {
    const r = await sm(inspectDir, 'inspect', 'canonical.csv', '--tz', 'Europe/Rome');
    expect(r.stderr).toBe('');
    expectRecordsLinesBalance(ok(r));
    expect(ok(r)).toBe(
      [
        'canonical.csv',
        '  format:    CSV (from the extension)',
        '  encoding:  UTF-8 (the default)',
        '  delimiter: comma (detected from the header line)',
        '  columns:   canonical names (no preset recognised)',
        '  mapped:    5 columns read, 1 ignored',
        '  zone:      timestamps without an offset read in Europe/Rome',
        '  records:   10 read = 1 header + 1 blank + 3 used + 1 duplicate + 4 rejected; 1 value set aside',
        '  rejected:  1 required field missing (missing_required), 1 not a timestamp (invalid_timestamp), 1 earlier than created_at (before_created), 1 malformed record (malformed_record)',
        '  set aside: 1 value not allowed (invalid_value)',
        '    column        field         blank  sentinel  rejected  set aside  read as',
        '    id            id                1         0         1          0',
        '    created_at    created_at        0         0         1          0  ISO 8601 (expected)',
        '    solved_at     solved_at         5         0         1          0  ISO 8601 (expected)',
        '    agent         agent             1         0         0          0',
        '    satisfaction  satisfaction      3         0         0          1',
        '    Notes         (ignored)         3         0',
        '',
      ].join('\n'),
    );
  });

  it('--input-tz is the zone it names; --format json gives the structure', async () => {
    const r = await sm(inspectDir, 'inspect', 'canonical.csv', '--input-tz', 'America/New_York', '--format', 'json');
    const { files } = JSON.parse(ok(r));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      path: 'canonical.csv',
      format: 'csv',
      formatFrom: 'extension',
      compressed: false,
      encoding: 'utf-8',
      encodingFrom: 'default',
      delimiter: ',',
      delimiterFrom: 'detected',
      decimalComma: false,
      preset: null,
      mapping: false,
      inputZone: 'America/New_York',
      counts: {
        read: 10,
        header: 1,
        blank: 1,
        used: 3,
        duplicates: 1,
        rejected: 4,
        setAside: 1,
        rejectedByCode: { missing_required: 1, invalid_timestamp: 1, before_created: 1, malformed_record: 1 },
        setAsideByCode: { invalid_value: 1 },
        rejectedWithoutField: 1,
      },
    });
    expectCountsBalance(files[0].counts);
    expect(files[0].columns.find((c: { header: string }) => c.header === 'Notes')).toEqual({ header: 'Notes', field: null, as: null, blank: 3, sentinel: 0, rejected: 0, setAside: 0 });
    expect(files[0].dateFormats).toEqual([
      { field: 'created_at', header: 'created_at', format: 'iso', from: 'default' },
      { field: 'solved_at', header: 'solved_at', format: 'iso', from: 'default' },
    ]);
  });

  it('computes no metric: a file where every record is rejected still exits 0', async () => {
    const r = await sm(fixtureDir('e2e'), 'inspect', 'all-rejected.csv');
    expect(ok(r)).toContain('0 used');
  });
});

describe('inspect: a JSON file', () => {
  it('lists its keys, their blanks (null, "", absent) and the ignored key', async () => {
    const text = ok(await sm(inspectDir, 'inspect', 'tickets.json'));
    expectRecordsLinesBalance(text);
    expect(text).toBe(
      [
        'tickets.json',
        '  format:    JSON (from the extension)',
        '  encoding:  UTF-8 (the default)',
        '  columns:   keys matched to the canonical fields',
        '  mapped:    3 keys read, 1 ignored',
        '  zone:      timestamps without an offset read in UTC',
        '  records:   4 read = 0 blank + 2 used + 0 duplicates + 2 rejected',
        '  rejected:  1 not a timestamp (invalid_timestamp), 1 malformed record (malformed_record)',
        '    key           field       blank  sentinel  rejected  read as',
        '    id            id              0         0         0',
        '    created_at    created_at      0         0         1  ISO 8601 (expected)',
        '    agent         agent           2         0         0',
        '    csat_comment  (ignored)       2         0',
        '',
      ].join('\n'),
    );
  });
});

describe('inspect: vendor exports', () => {
  it('Zendesk: the preset recognised, sentinels counted, the minute duration standing in for first_response_at', async () => {
    const text = ok(await sm(presetDir, 'inspect', 'zendesk-support.csv'));
    expectRecordsLinesBalance(text);
    const lines = text.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'zendesk-support.csv',
      '  format:    CSV (from the extension)',
      '  encoding:  UTF-8 (the default)',
      '  delimiter: comma (detected from the header line)',
      '  columns:   preset zendesk: Zendesk Support CSV export (recognised from the header)',
      '  mapped:    17 columns read, 5 ignored',
      '  zone:      timestamps without an offset read in UTC',
      '  records:   7 read = 1 header + 0 blank + 6 used + 0 duplicates + 0 rejected',
    ]);
    const row = (header: string): string[] => lines.find((l) => l.startsWith(`    ${header}  `))!.trim().split(/\s{2,}/);
    expect(row('Solved at')).toEqual(['Solved at', 'solved_at', '0', '3', '0', 'ISO 8601 (decided from the values)']);
    expect(row('Assigned at')).toEqual(['Assigned at', '(ignored)', '0', '2']);
    expect(row('Assignee')).toEqual(['Assignee', 'agent', '1', '0', '0']);
    expect(row('Tags')).toEqual(['Tags', 'tags', '3', '0', '0']);
    expect(row('First reply time in minutes')).toEqual(['First reply time in minutes', 'first_response_at', '2', '0', '0', 'minutes after created_at']);
    expect(row('Subject')).toEqual(['Subject', '(ignored)', '0', '0']);
  });

  it('ServiceNow: day-first dates decided from the values, `?` counted as sentinels, older events as duplicates', async () => {
    const r = await sm(presetDir, 'inspect', 'servicenow-incident-log.csv', '--format', 'json');
    const [file] = JSON.parse(ok(r)).files;
    expect(file.preset).toEqual({ name: 'servicenow', title: expect.any(String), from: 'header' });
    expect(file.counts).toMatchObject({ read: 11, header: 1, blank: 0, used: 4, duplicates: 6, rejected: 0 });
    expectCountsBalance(file.counts);
    const column = (header: string) => file.columns.find((c: { header: string }) => c.header === header);
    expect(column('assigned_to')).toMatchObject({ field: 'agent', sentinel: 4, blank: 0 });
    expect(column('resolved_at')).toMatchObject({ field: 'solved_at', sentinel: 6 });
    expect(column('closed_at')).toMatchObject({ field: 'closed_at', sentinel: 9 });
    expect(file.dateFormats.map((d: { field: string; format: string; from: string }) => `${d.field} ${d.format} ${d.from}`)).toEqual([
      'created_at DMY values',
      'solved_at DMY values',
      'closed_at DMY values',
      'updated_at DMY values',
    ]);
  });

  it('--preset chosen by flag says so', async () => {
    expect(ok(await sm(presetDir, 'inspect', 'zendesk-support.csv', '--preset', 'zendesk'))).toContain(
      '  columns:   preset zendesk: Zendesk Support CSV export (chosen with --preset)\n',
    );
  });
});

describe('inspect: the Italian Excel export (";", decimal comma, day-first, BOM)', () => {
  let dialects: string;
  beforeAll(() => {
    dialects = writeDialectFixtures();
  });

  it('says all of it', async () => {
    const text = ok(await sm(dialects, 'inspect', 'excel-it.csv'));
    expectRecordsLinesBalance(text);
    expect(text).toBe(
      [
        'excel-it.csv',
        '  format:    CSV (from the extension)',
        '  encoding:  UTF-8 (from its byte order mark)',
        '  delimiter: semicolon (detected from the header line); numbers with a decimal comma (1,5 = 1.5)',
        '  columns:   canonical names (no preset recognised)',
        '  mapped:    9 columns read, 0 ignored',
        '  zone:      timestamps without an offset read in UTC',
        '  records:   5 read = 1 header + 0 blank + 4 used + 0 duplicates + 0 rejected',
        '    column             field              blank  sentinel  rejected  read as',
        '    id                 id                     0         0         0',
        '    created_at         created_at             0         0         0  day first (decided from the values)',
        '    first_response_at  first_response_at      1         0         0  day first (decided from the values)',
        '    solved_at          solved_at              2         0         0  day first (decided from the values)',
        '    agent              agent                  1         0         0',
        '    channel            channel                0         0         0',
        '    satisfaction       satisfaction           2         0         0',
        '    handle_time        handle_time            1         0         0',
        '    tags               tags                   3         0         0',
        '',
      ].join('\n'),
    );
  });

  it('several files at once, gzip and NDJSON among them, in the order given', async () => {
    const text = ok(await sm(dialects, 'inspect', 'excel-it.csv.gz', 'tickets.ndjson.gz', '--delimiter', ';'));
    const blocks = text.split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(['excel-it.csv.gz', 'tickets.ndjson.gz']);
    expect(blocks[0]).toContain('  format:    CSV (from the extension), gzip-compressed\n');
    expect(blocks[0]).toContain('  delimiter: semicolon (from --delimiter); numbers with a decimal comma (1,5 = 1.5)\n');
    expect(blocks[1]).toContain('  format:    NDJSON (from the extension), gzip-compressed\n');
  });
});

describe('inspect: errors', () => {
  it('a file that cannot be read at all: exit 3, one line', async () => {
    expect(expectOneLineError(await sm(inspectDir, 'inspect', 'canonical.csv', 'missing.csv'), 3)).toBe('support-metrics: missing.csv: cannot read: no such file');
  });

  it('a bad flag value: exit 2', async () => {
    expect(expectOneLineError(await sm(inspectDir, 'inspect', 'canonical.csv', '--tz', 'Mars/Base'), 2)).toContain('--tz');
  });
});

describe('--verbose', () => {
  it('report --verbose: the inspect text on stderr, before the rejection summary; stdout unchanged', async () => {
    const plain = await sm(inspectDir, 'report', 'canonical.csv', '-p', 'all', '-f', 'json');
    const verbose = await sm(inspectDir, 'report', 'canonical.csv', '-p', 'all', '-f', 'json', '--verbose');
    expect(ok(verbose)).toBe(ok(plain));
    const inspected = ok(await sm(inspectDir, 'inspect', 'canonical.csv'));
    // The notices first (A2 repeats its id with another created_at), then the inspect text, then the summary.
    const notice = 'canonical.csv: 1 record repeats an id with another created_at: this looks like an event log (one row per event), but rows are read as tickets: each id keeps its row with the latest updated_at (else the last read), and that row\'s created_at; --event-log folds each id\'s events into one ticket\n';
    expect(plain.stderr.startsWith(notice)).toBe(true);
    expect(verbose.stderr).toBe(`${notice}${inspected}\n${plain.stderr.slice(notice.length)}`);
    expect(stderrLines(plain)[1]).toBe('4 of 8 records rejected:');
  });

  it('keeps the notices, and tickets -v does the same', async () => {
    const dialects = writeDialectFixtures();
    const r = await sm(dialects, 'tickets', 'excel-it.csv', '-v');
    ok(r);
    const lines = stderrLines(r);
    expect(lines[0]).toBe('excel-it.csv: fields separated by semicolons (detected from the header line); numbers read with a decimal comma (1,5 = 1.5)');
    expect(lines[2]).toBe('excel-it.csv');
    expect(lines).toContain('  records:   5 read = 1 header + 0 blank + 4 used + 0 duplicates + 0 rejected');
    expectRecordsLinesBalance(r.stderr);
  });
});
