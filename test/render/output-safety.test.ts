import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { TicketLine } from '../../src/engine/drilldown.js';
import fc from 'fast-check';
import { csvCell, looksLikeFormula, stringifyCsv } from '../../src/render/csv-cells.js';
import { renderCsv } from '../../src/render/csv.js';
import { escapeJsonText } from '../../src/render/json.js';
import { renderJson } from '../helpers/render-text.js';
import { escapeCell, renderMarkdown } from '../../src/render/markdown.js';
import { ansiPaint, PLAIN } from '../../src/render/paint.js';
import { renderTable } from '../../src/render/table.js';
import { renderTicketLines } from '../../src/render/ticket-lines.js';
import type { Report } from '../../src/report/types.js';
import { reportOf } from '../helpers/build.js';

const COLOUR = await ansiPaint();

/**
 * Issue "every output safe": text from the data (group names, period labels, file names) can never
 * run a formula in a spreadsheet, format or link in Markdown, mention someone on GitHub, or drive
 * a terminal; JSON stays lossless but holds no raw control or direction character.
 */

/** A report split by agent, one ticket per agent name, all in one week. */
function reportWithAgents(agents: readonly string[]): Report {
  return reportOf(
    agents.map((agent, i) => ({ id: `T${i}`, created_at: '2026-03-02T09:00:00Z', first_response_at: '2026-03-02T09:01:00Z', agent })),
    { by: ['agent'] },
  );
}

/** Every character no output may hold raw: C0 and C1 controls (but \n), direction controls, line separators. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** The cells of a GFM table row: a `|` after a backslash is in a cell, any other `|` separates cells. */
function gfmCells(line: string): string[] {
  return line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
}

const ESCAPES = {
  'ANSI colour': '\u001b[31mred\u001b[0m',
  'OSC 8 hyperlink': '\u001b]8;;http://e\u0007x\u001b]8;;\u0007',
  'OSC window title': '\u001b]0;title\u0007t',
  'right-to-left override': '\u202Eevil',
};

describe('CSV cells: formulas are defused (OWASP), numbers stay numbers', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-', "'-"],
    ['=', "'="],
    // a tab or CR is cleaned to a space; a spreadsheet that trims the cell would still see `=`
    ['\t=cmd', "' =cmd"],
    ['  +cmd', "'  +cmd"],
    ['\tx', ' x'],
    ['\rx', ' x'],
  ])('%j → %j', (text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it.each(['-5', '+1.5', '-1e3', '12', '0.25', '-.5', '+3.', '1E-7'])('the plain number %j is left as it is', (text) => {
    expect(csvCell(text)).toBe(text);
  });

  it.each(['alice', 'a=b', 'x-1', "'quoted", '', '#1', '(none)'])('ordinary text %j is left as it is', (text) => {
    expect(csvCell(text)).toBe(text);
  });

  it('numbers and null pass as they are; stringifyCsv writes String(n) and an empty cell', () => {
    expect(csvCell(-5)).toBe(-5);
    expect(csvCell(null)).toBeNull();
    expect(stringifyCsv([[-5, 1.5, 0, null, 345_600.6666666667]])).toBe('-5,1.5,0,,345600.6666666667\n');
  });

  it('keepLineBreaks: a raw record keeps \\r, \\n and \\t, and a leading tab or CR is defused', () => {
    expect(csvCell('\tx', { keepLineBreaks: true })).toBe("'\tx");
    expect(csvCell('\rx', { keepLineBreaks: true })).toBe("'\rx");
    expect(csvCell('a,b\r\nc\td', { keepLineBreaks: true })).toBe('a,b\r\nc\td');
    expect(csvCell('a\r\nb')).toBe('a  b');
  });

  it('a field with a bare CR is quoted, and reads back as written', () => {
    const text = stringifyCsv([['file', 'bare\rcr', 'lf\nonly', 'crlf\r\nboth', 'plain']], { keepLineBreaksInColumns: new Set([1, 2, 3]) });
    expect(text).toBe('file,"bare\rcr","lf\nonly","crlf\r\nboth",plain\n');
    expect(parseCsv(text)).toEqual([['file', 'bare\rcr', 'lf\nonly', 'crlf\r\nboth', 'plain']]);
  });

  it('a raw record with a lone ESC before its closing quote still parses: only the ESC goes', () => {
    const record = '7,"Zoë\u001b",\u001b[31mred\u001b[0m,"two\r\nlines\u001b"';
    const text = stringifyCsv([['tickets.csv', record]], { keepLineBreaksInColumns: new Set([1]) });
    expect(text).not.toContain('\u001b');
    const [[, cleaned]] = parseCsv(text) as [[string, string]];
    expect(cleaned).toBe('7,"Zoë ",red,"two\r\nlines "');
    expect(parseCsv(cleaned)).toEqual([['7', 'Zoë ', 'red', 'two\r\nlines ']]);
  });

  it('only the columns named keep their line breaks', () => {
    const text = stringifyCsv([['a\nb', 'c\nd']], { keepLineBreaksInColumns: new Set([1]) });
    expect(parseCsv(text)).toEqual([['a b', 'c\nd']]);
  });

  it('quotes, commas and a formula together: quoted once, read back with the leading quote', () => {
    const text = stringifyCsv([['=HYPERLINK("http://x","y")']]);
    expect(text).toBe(`"'=HYPERLINK(""http://x"",""y"")"\n`);
    expect(parseCsv(text)).toEqual([[`'=HYPERLINK("http://x","y")`]]);
  });

  it('report CSV: formula-like group names are defused, number-like ones kept', () => {
    const agents = ['=HYPERLINK("http://x","y")', '+cmd', '-2+3', '@SUM(A1)', '-5', '+1.5'];
    const records = parseCsv(renderCsv(reportWithAgents(agents)), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.agent).sort()).toEqual([`'=HYPERLINK("http://x","y")`, "'+cmd", "'-2+3", "'@SUM(A1)", '+1.5', '-5'].sort());
  });
});

describe('Markdown cells: nothing formats, links, mentions or breaks the row', () => {
  it.each([
    ['|', '\\|'],
    ['\\', '\\\\'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a\nb', 'a b'],
    ['@alice', '@&#8203;alice'],
    ['#123', '#&#8203;123'],
    ['alice@example.com', 'alice@&#8203;example.com'],
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['`code`', '\\`code\\`'],
    ['[link](http://x)', '\\[link\\](http://x)'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
    ['$x^2$', '\\$x^2\\$'],
    ['&lt; &amp;', '&amp;lt; &amp;amp;'],
    ['Sales & Support', 'Sales &amp; Support'],
  ])('%j → %j', (text, expected) => {
    expect(escapeCell(text)).toBe(expected);
  });

  it('a row with |, \\, <script>, a line break, @alice and #123 has as many cells as its header', () => {
    const agents = ['a|b', 'back\\', '<script>x</script>', 'two\nlines', '@alice', '#123', '|\\|'];
    const md = renderMarkdown(reportWithAgents(agents));
    const tables = md.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const lines = table.split('\n');
      const width = gfmCells(lines[0]!).length;
      for (const line of lines) expect(gfmCells(line), line).toHaveLength(width);
    }
    expect(md).not.toContain('<script>');
    const rows = tables.join('\n');
    expect(rows).not.toMatch(/@(?!&#8203;)/);
    expect(rows).not.toMatch(/#(?!&#8203;|8203;)/);
    expect(md).toContain('@&#8203;alice');
    expect(md).toContain('#&#8203;123');
  });
});

describe.each(Object.entries(ESCAPES))('%s in the data', (_what, name) => {
  const report = (): Report => {
    const r = reportWithAgents([name, 'plain']);
    return { ...r, input: { ...r.input, files: r.input.files.map((f) => ({ ...f, path: `${name}.csv` })) } };
  };

  it.each([
    ['table', (r: Report) => renderTable(r, { paint: PLAIN })],
    ['table in colour', (r: Report) => renderTable(r, { paint: COLOUR }).replace(/\u001b\[\d+m/g, '')],
    ['markdown', renderMarkdown],
    ['csv', renderCsv],
  ])('never reaches the %s output', (_format, renderer) => {
    const text = renderer(report());
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('\u202E');
    expect(text).not.toMatch(UNSAFE);
  });

  it('JSON: escaped in the text, the same string once parsed', () => {
    const r = report();
    const text = renderJson(r);
    expect(text).not.toMatch(UNSAFE);
    expect(JSON.parse(text)).toEqual(r);
  });
});

describe('JSON text', () => {
  it('writes U+202E and every other direction, C1 and separator character as \\uXXXX', () => {
    const text = renderJson(reportWithAgents(['\u202Eevil']));
    expect(text).toContain('\\u202e');
    expect(text).not.toContain('\u202E');
  });

  it.each([
    ['DEL', '\u007f', '\\u007f'],
    ['C1 CSI', '\u009b', '\\u009b'],
    ['Arabic letter mark', '\u061c', '\\u061c'],
    ['left-to-right mark', '\u200e', '\\u200e'],
    ['right-to-left mark', '\u200f', '\\u200f'],
    ['left-to-right embedding', '\u202a', '\\u202a'],
    ['first strong isolate', '\u2068', '\\u2068'],
    ['pop directional isolate', '\u2069', '\\u2069'],
    ['line separator', '\u2028', '\\u2028'],
    ['paragraph separator', '\u2029', '\\u2029'],
  ])('%s is escaped, and parses back the same', (_what, ch, escaped) => {
    const value = { text: `a${ch}b\\${ch}` };
    const text = escapeJsonText(JSON.stringify(value));
    expect(text).toContain(escaped);
    expect(text).not.toContain(ch);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('leaves every other character as JSON.stringify wrote it', () => {
    const json = JSON.stringify({ text: 'Zoë 李小龙 😀 \u001b \n "q" \\ \u200d' });
    expect(escapeJsonText(json)).toBe(json);
  });
});

describe('tickets command output', () => {
  /** A ticket line with every field null (or empty), then these values. */
  const line = (fields: Partial<TicketLine>): TicketLine => ({
    id: '1',
    created_at: '2026-03-02T09:00:00+00:00',
    first_response_at: null,
    resolved_at: null,
    status: null,
    agent: null,
    team: null,
    channel: null,
    priority: null,
    language: null,
    customer: null,
    first_response_time: null,
    resolution_time: null,
    handle_time: null,
    satisfied: null,
    nps: null,
    agent_replies: null,
    reopens: null,
    escalated: null,
    first_contact_resolution: null,
    churn: null,
    tags: [],
    sla_policy: null,
    first_response_sla: null,
    first_response_due: null,
    resolution_sla: null,
    resolution_due: null,
    ...fields,
  });

  it('CSV: cleaned, formulas defused, numbers as numbers', () => {
    const lines = [
      line({ id: '-7', agent: '=1+1', team: '\u001b[31mred\u001b[0m', customer: '@SUM(A1)', tags: ['+x', 'y'], first_response_time: -0, nps: 9, status: 'two\r\nlines' }),
    ];
    const text = [...renderTicketLines(lines, 'csv')].join('');
    expect(text).not.toMatch(UNSAFE);
    const [record] = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({ id: '-7', agent: "'=1+1", team: 'red', customer: "'@SUM(A1)", tags: "'+x,y", nps: '9', status: 'two  lines', resolved_at: '' });
  });

  it('JSON: lossless, with no raw direction character', () => {
    const lines = [line({ agent: '\u202Eevil\u2028', team: '\u001b[31m' })];
    const text = [...renderTicketLines(lines, 'json')].join('');
    expect(text).not.toMatch(UNSAFE);
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(lines);
  });
});

describe('looksLikeFormula: the shortcut for cells that start with a letter or a digit', () => {
  it('property: the same answer as the OWASP patterns alone', () => {
    const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
    const FORMULA_AFTER_SPACES = /^[ \u3000]+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
    const PLAIN_NUMBER = /^ *[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
    const piece = fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ', '\u3000', '\uFF1D', '1', '9', '.', 'e', 'A', 'z', 'Z', 'a', '0', '(', ')', '_', '山');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), (text) => {
        expect(looksLikeFormula(text)).toBe((FORMULA_START.test(text) || FORMULA_AFTER_SPACES.test(text)) && !PLAIN_NUMBER.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('stringifyCsv: our quoting', () => {
  it('property: the same text as csv-stringify with the options the project used (record_delimiter unix, quoted_match /\\r/, numbers by String)', () => {
    const text = fc.array(fc.constantFrom('a', 'Z', '0', ' ', '"', '""', ',', ';', '\n', '\r', '\r\n', '\t', '=', '-', '+', '@', 'é', '山', '\u001b[31m', '\u202e', '\u200b'), { maxLength: 6 }).map((p) => p.join(''));
    const cell = fc.oneof(fc.constant(null), text, fc.integer({ min: -1e6, max: 1e6 }), fc.double(), fc.constant(-0));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 }), fc.boolean(), (rows, keepFirst) => {
        const keep = keepFirst ? new Set([0]) : new Set<number>();
        const cells = rows.map((row) => row.map((value, i) => csvCell(value, { keepLineBreaks: keep.has(i) })));
        const expected = stringify(cells, { record_delimiter: 'unix', quoted_match: /\r/, cast: { number: (n) => String(n) } });
        expect(stringifyCsv(rows, { keepLineBreaksInColumns: keep })).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
