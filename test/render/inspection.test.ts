import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderInspection, renderInspectionJson } from '../../src/render/inspection.js';
import { blankUnderstanding, type FileReading } from '../../src/tickets/file-reading.js';

/**
 * The inspect renderer reads FileReadings and nothing else: these are built by hand, and the text
 * is checked line by line against them.
 */

const noCounts = { read: 0, header: 0, blank: 0, folded: 0, used: 0, duplicates: 0, rejected: 0, rejectedByCode: {}, setAside: 0, setAsideByCode: {}, rejectedWithoutField: 0, openButResolved: 0 };

/** An Italian Excel export read with the zendesk preset chosen by flag and a --map on top. */
const excelZendesk: FileReading = {
  ...blankUnderstanding('export.csv.gz', 'Europe/Rome'),
  format: 'csv',
  formatFrom: 'extension',
  compressed: true,
  encoding: 'utf-8',
  encodingFrom: 'byte order mark',
  delimiter: ';',
  delimiterFrom: 'detected',
  decimalComma: true,
  preset: { name: 'zendesk', title: 'Zendesk Support CSV export', from: 'option' },
  mapping: true,
  columns: [
    { header: 'Id', field: 'id', as: 'value', blank: 0, sentinel: 0, rejected: 1, setAside: 0 },
    { header: 'Created at', field: 'created_at', as: 'value', blank: 0, sentinel: 0, rejected: 0, setAside: 0 },
    { header: 'First reply time in minutes', field: 'first_response_at', as: 'minutes after created_at', blank: 2, sentinel: 0, rejected: 0, setAside: 0 },
    { header: 'Solved at', field: 'solved_at', as: 'value', blank: 0, sentinel: 1234, rejected: 3, setAside: 0 },
    { header: 'Subject', field: null, as: null, blank: 7, sentinel: 0, rejected: 0, setAside: 0 },
  ],
  dateFormats: [
    { field: 'created_at', header: 'Created at', format: 'DMY', from: 'values' },
    { field: 'solved_at', header: 'Solved at', format: 'MDY', from: 'option' },
  ],
  counts: {
    read: 2002,
    header: 1,
    blank: 1,
    folded: 0,
    used: 1995,
    duplicates: 1,
    rejected: 4,
    rejectedByCode: { missing_required: 1, before_created: 3 },
    setAside: 0, setAsideByCode: {}, rejectedWithoutField: 0, openButResolved: 0,
  },
};

/** Standard input read as NDJSON, nothing counted per key (columns empty). */
const stdinNdjson: FileReading = {
  ...blankUnderstanding('<stdin>', 'UTC'),
  format: 'ndjson',
  formatFrom: 'option',
  encoding: 'utf-16le',
  encodingFrom: 'option',
  counts: { ...noCounts, read: 1, used: 1 },
};

describe('renderInspection', () => {
  it('a preset file: every decision, the counts, and one line per column', () => {
    expect(renderInspection([excelZendesk]).split('\n')).toEqual([
      'export.csv.gz',
      '  format:    CSV (from the extension), gzip-compressed',
      '  encoding:  UTF-8 (from its byte order mark)',
      '  delimiter: semicolon (detected from the header line); numbers with a decimal comma (1,5 = 1.5)',
      '  columns:   preset zendesk: Zendesk Support CSV export (chosen with --preset), with your column mapping (--map or config columns/values)',
      '  mapped:    4 columns read, 1 ignored',
      '  zone:      timestamps without an offset read in Europe/Rome',
      '  records:   2,002 read = 1 header + 1 blank + 1,995 used + 1 duplicate + 4 rejected',
      '  rejected:  1 required field missing (missing_required), 3 earlier than created_at (before_created)',
      '    column                       field              blank  sentinel  rejected  read as',
      '    Id                           id                     0         0         1',
      '    Created at                   created_at             0         0         0  day first (decided from the values)',
      '    First reply time in minutes  first_response_at      2         0         0  minutes after created_at',
      '    Solved at                    solved_at              0     1,234         3  month first (from --date-format)',
      '    Subject                      (ignored)              7         0',
      '',
    ]);
  });

  it('a file with no columns described and no rejections: no table, no "rejected" line', () => {
    expect(renderInspection([stdinNdjson])).toBe(
      [
        '<stdin>',
        '  format:    NDJSON (from --input-format)',
        '  encoding:  UTF-16 LE (from --encoding)',
        '  columns:   keys matched to the canonical fields',
        '  zone:      timestamps without an offset read in UTC',
        '  records:   1 read = 0 blank + 1 used + 0 duplicates + 0 rejected',
        '',
      ].join('\n'),
    );
  });

  it('several files: one blank line between them, in the order given', () => {
    const text = renderInspection([stdinNdjson, excelZendesk]);
    expect(text.split('\n\n').map((block) => block.split('\n')[0])).toEqual(['<stdin>', 'export.csv.gz']);
  });

  it('a header with a control character is shown cleaned, not raw', () => {
    const odd: FileReading = { ...stdinNdjson, format: 'csv', delimiter: ',', delimiterFrom: 'option', columns: [{ header: 'id\u001b[31m', field: null, as: null, blank: 0, sentinel: 0, rejected: 0, setAside: 0 }] };
    expect(renderInspection([odd])).not.toContain('\u001b');
    expect(renderInspection([odd])).toContain('  delimiter: comma (from --delimiter)');
  });
});

/** How wide a terminal shows a text: string-width, the measure the column table is laid out with. */

/** A Japanese export whose headers are wide (CJK) or hold emoji, one a ZWJ sequence. */
const wideHeaders: FileReading = {
  ...excelZendesk,
  path: 'チケット.csv',
  preset: null,
  mapping: false,
  columns: [
    { header: '担当者', field: 'agent', as: 'value', blank: 12, sentinel: 0, rejected: 0, setAside: 0 },
    { header: 'チーム名前', field: 'team', as: 'value', blank: 0, sentinel: 3, rejected: 0, setAside: 0 },
    { header: '🎫 番号', field: 'id', as: 'value', blank: 0, sentinel: 0, rejected: 1, setAside: 0 },
    { header: '作成日時', field: 'created_at', as: 'value', blank: 0, sentinel: 0, rejected: 1_234, setAside: 0 },
    { header: '👩\u200d💻 note', field: null, as: null, blank: 5, sentinel: 0, rejected: 0, setAside: 0 },
    { header: 'Id', field: 'channel', as: 'value', blank: 0, sentinel: 0, rejected: 0, setAside: 0 },
  ],
};

describe('renderInspection: the column table lines up by display width', () => {
  it('CJK and emoji headers: every column starts (or, for numbers, ends) at the same terminal column on every line', () => {
    const table = renderInspection([wideHeaders]).split('\n').filter((line) => line.startsWith('    '));
    const cells = [
      ['column', 'field', 'blank', 'sentinel', 'rejected', 'read as'],
      ['担当者', 'agent', '12', '0', '0', ''],
      ['チーム名前', 'team', '0', '3', '0', ''],
      ['🎫 番号', 'id', '0', '0', '1', ''],
      ['作成日時', 'created_at', '0', '0', '1,234', 'day first (decided from the values)'],
      ['👩\u200d💻 note', '(ignored)', '5', '0', '', ''],
      ['Id', 'channel', '0', '0', '0', ''],
    ];
    expect(table).toHaveLength(cells.length);
    const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => stringWidth(row[i]!))));
    const starts = widths.map((_, i) => 4 + widths.slice(0, i).reduce((sum, w) => sum + w + 2, 0));
    const right = [false, false, true, true, true, false];
    table.forEach((line, l) => {
      let from = 0;
      cells[l]!.forEach((cell, i) => {
        if (cell === '') return;
        const at = line.indexOf(cell, from);
        expect(at, `${JSON.stringify(cell)} in ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(from);
        from = at + cell.length;
        const start = stringWidth(line.slice(0, at));
        if (right[i]) expect(start + stringWidth(cell), `${JSON.stringify(cell)} ends under its heading`).toBe(starts[i]! + widths[i]!);
        else expect(start, `${JSON.stringify(cell)} starts under its heading`).toBe(starts[i]);
      });
      expect(line).toBe(line.trimEnd());
    });
    // the widest header sets the first column: チーム名前 is 10 columns wide (5 characters)
    expect(widths[0]).toBe(10);
    expect(table[0]).toBe('    column      field       blank  sentinel  rejected  read as');
    expect(table[2]).toBe('    チーム名前  team            0         3         0');
  });
});

describe('renderInspectionJson', () => {
  it('is the FileReadings themselves', () => {
    expect(JSON.parse(renderInspectionJson([excelZendesk, stdinNdjson]))).toEqual({ files: [excelZendesk, stdinNdjson] });
  });

  it('writes a header or path with a direction override or C1 control as an escape, never raw', () => {
    const hostile: FileReading = { ...stdinNdjson, path: 'evil\u202Etxt.csv', columns: [{ header: 'a\u0085b', field: null, as: null, blank: 0, sentinel: 0, rejected: 0, setAside: 0 }] };
    const text = renderInspectionJson([hostile]);
    expect(text).not.toMatch(/[\u0085\u202e]/);
    expect(text).toContain('evil\\u202etxt.csv');
    expect(JSON.parse(text)).toEqual({ files: [hostile] });
  });
});
