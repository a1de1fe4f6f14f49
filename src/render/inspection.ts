import { alignedLines } from './aligned-lines.js';
import { DATE_FORMAT_TEXT } from '../dialect/dates.js';
import { ENCODING_NAMES } from '../io/decode-input.js';
import { DELIMITER_NAMES } from '../io/input-formats.js';
import { REJECTION_REASONS, type RejectionCode } from '../schema/validate.js';
import type { ColumnProfile } from '../reading/column-profile.js';
import type { ColumnReading, DateColumnReading, FileProposal, FileReading } from '../tickets/file-reading.js';
import { accountText, cleanText, formatCount, plural } from './format.js';
import { jsonDocument } from './json.js';

/**
 * What was understood of each input file (`inspect`, and `report --verbose` on stderr): reads only
 * the FileReadings, computes nothing.
 */

const FORMAT_NAMES = { csv: 'CSV', json: 'JSON', ndjson: 'NDJSON' } as const;
const FORMAT_FROM = { option: 'from --input-format', extension: 'from the extension', content: 'from its first character' } as const;
const ENCODING_FROM = { option: 'from --encoding', 'byte order mark': 'from its byte order mark', default: 'the default' } as const;
const DATE_FROM = { values: 'decided from the values', option: 'from --date-format', config: "from the config's dateFormats", preset: "the preset's", default: 'expected' } as const;

/** `ISO 8601`, `day first`: the format's name without its examples. */
const dateFormatName = (reading: DateColumnReading): string =>
  reading.format === 'pattern' ? `pattern ${JSON.stringify(reading.pattern)}` : DATE_FORMAT_TEXT[reading.format].replace(/ \(.*/, '');

function formatLine(file: FileReading): string {
  const parts = [`${FORMAT_NAMES[file.format]} (${FORMAT_FROM[file.formatFrom]})`];
  if (file.compressed) parts.push('gzip-compressed');
  return parts.join(', ');
}

function columnsLine(file: FileReading): string {
  if (file.proposal !== undefined) return 'no "id" or "created_at" column and no preset fits: each column described below, with a proposed mapping';
  const mapping = file.mapping ? ', with your column mapping (--map or config columns/values)' : '';
  if (file.preset !== null) {
    const how = file.preset.from === 'header' ? 'recognised from the header' : file.preset.from === 'keys' ? 'recognised from the first record\'s keys' : 'chosen with --preset';
    return `preset ${file.preset.name}: ${file.preset.title} (${how})${mapping}`;
  }
  if (file.format !== 'csv') return 'keys matched to the canonical fields';
  return file.mapping ? `canonical names${mapping}` : 'canonical names (no preset recognised)';
}

function rejectedLine(byCode: Partial<Record<RejectionCode, number>>): string | undefined {
  const parts = (Object.keys(REJECTION_REASONS) as RejectionCode[])
    .filter((code) => byCode[code] !== undefined)
    .map((code) => `${formatCount(byCode[code]!)} ${REJECTION_REASONS[code]} (${code})`);
  return parts.length === 0 ? undefined : parts.join(', ');
}

const count = (n: number | null): string => (n === null ? '' : formatCount(n));

/** What the column is read as: a date format, a minute duration, or nothing to say. */
function readAs(column: ColumnReading, dates: readonly DateColumnReading[]): string {
  if (column.as !== 'value' && column.as !== null) return column.as;
  const date = column.field === null ? undefined : dates.find((d) => d.field === column.field);
  if (date === undefined) return '';
  return `${dateFormatName(date)} (${DATE_FROM[date.from]})${date.zone === undefined ? '' : `, in ${date.zone} (from the header)`}`;
}

/** The columns, what each feeds and what became of its values; a `set aside` column when any value was. */
function columnTable(file: FileReading): string[] {
  const aside = file.counts.setAside > 0;
  const headings = [file.format === 'csv' ? 'column' : 'key', 'field', 'blank', 'sentinel', 'rejected', ...(aside ? ['set aside'] : []), 'read as'];
  const rows = file.columns.map((c) => [
    cleanText(c.header),
    c.field ?? '(ignored)',
    count(c.blank),
    count(c.sentinel),
    c.field === null ? '' : count(c.rejected),
    ...(aside ? [c.field === null ? '' : count(c.setAside)] : []),
    readAs(c, file.dateFormats),
  ]);
  return alignedLines([headings, ...rows], [false, false, true, true, true, ...(aside ? [true] : []), false])
    .map((line) => `    ${line}`.trimEnd());
}

const SHAPE_TEXT: Record<ColumnProfile['shape'], string> = {
  blank: 'blank',
  timestamp: 'timestamp',
  date: 'date only',
  time: 'time of day',
  duration: 'duration',
  number: 'number',
  'yes-no': 'yes/no',
  rating: 'rating 1–5',
  text: 'text',
};

/** `timestamp (day first)`, `text, all different`: what a column's values look like. */
function looksLike(column: ColumnProfile): string {
  const format = column.dateFormat === undefined ? '' : ` (${DATE_FORMAT_TEXT[column.dateFormat].replace(/ \(.*/, '')})`;
  const distinct = column.values > 1 && column.distinct === column.values && !column.distinctCapped ? ', all different' : '';
  return `${SHAPE_TEXT[column.shape]}${format}${distinct}`;
}

/** For a file no preset or mapping explains: its columns' values, the nearest presets, and the mapping proposed (as --map and as config). */
function proposalLines(proposal: FileProposal): string[] {
  const rows = proposal.columns.map((c) => [cleanText(c.header), looksLike(c), formatCount(c.blank), c.distinctCapped ? `${formatCount(c.distinct)}+` : formatCount(c.distinct), c.samples.map((s) => cleanText(JSON.stringify(s))).join(', ')]);
  const lines = alignedLines([['column', 'looks like', 'blank', 'distinct', 'examples'], ...rows], [false, false, true, true, false]).map((line) => `    ${line}`);
  const near = proposal.nearestPresets.map((p) => `${p.name} (lacks ${p.missing.map((m) => cleanText(JSON.stringify(m))).join(', ')})`);
  lines.push(`  presets:   ${near.length === 0 ? 'none comes near (`support-metrics presets` lists them)' : `nearest ${near.join('; ')}`}`);
  const { mapping } = proposal;
  if (mapping.fields.length === 0) {
    lines.push('  proposed:  no column looks like a ticket field; map them with --map field=Header');
    return lines;
  }
  lines.push(`  proposed:  ${cleanText(mapping.mapFlag)}`);
  const config = { columns: mapping.configColumns, ...(mapping.eventLog === null ? {} : { eventLog: true }) };
  lines.push(`             or in support-metrics.config.json: ${cleanText(JSON.stringify(config))}`);
  if (mapping.missing.length > 0) lines.push(`             no column looks like ${mapping.missing.join(' or ')}: map it yourself`);
  if (mapping.eventLog !== null) lines.push(`             ${cleanText(mapping.eventLog)}`);
  const width = mapping.fields.reduce((widest, f) => Math.max(widest, f.field.length), 0);
  for (const f of mapping.fields) lines.push(`    ${f.field.padEnd(width)}  ${cleanText(f.why)}`);
  return lines;
}

/** One file's summary: how it was read, then its columns. */
export function renderFileReading(file: FileReading): string {
  const { counts } = file;
  const lines = [cleanText(file.path)];
  const field = (label: string, value: string): void => {
    lines.push(`  ${`${label}:`.padEnd(11)}${value}`);
  };
  field('format', formatLine(file));
  field('encoding', `${ENCODING_NAMES[file.encoding]} (${ENCODING_FROM[file.encodingFrom]})`);
  if (file.delimiter !== null) {
    const how = file.delimiterFrom === 'option' ? 'from --delimiter' : file.delimiterFrom === 'sep line' ? 'from its sep= line' : 'detected from the header line';
    field('delimiter', `${DELIMITER_NAMES[file.delimiter]} (${how})${file.decimalComma ? '; numbers with a decimal comma (1,5 = 1.5)' : ''}`);
  }
  field('columns', columnsLine(file));
  const ignored = file.columns.filter((c) => c.field === null).length;
  const noun = file.format === 'csv' ? 'column' : 'key';
  if (file.columns.length > 0) field('mapped', `${plural(file.columns.length - ignored, noun)} read, ${formatCount(ignored)} ignored`);
  const headerZones = file.dateFormats.some((d) => d.zone !== undefined) ? ', except in columns whose header names a zone' : '';
  field('zone', `timestamps without an offset read in ${file.inputZone}${headerZones}`);
  if (file.laterPartFrom !== undefined) field('threads', `2: the second read the ${file.format === 'json' ? 'records' : 'lines'} from ${formatCount(file.laterPartFrom)} on, at the same time as the first`);
  field('records', accountText(counts, { omitZeroHeader: true }));
  const rejected = rejectedLine(counts.rejectedByCode);
  if (rejected !== undefined) field('rejected', rejected);
  const aside = rejectedLine(counts.setAsideByCode);
  if (aside !== undefined) field('set aside', aside);
  if (counts.openButResolved > 0) {
    const one = counts.openButResolved === 1;
    field('status', `${plural(counts.openButResolved, 'record')} ${one ? 'says' : 'say'} open (status, or resolved no) but ${one ? 'has' : 'have'} a resolution time: the time decides, and ${one ? 'it counts' : 'they count'} as resolved`);
  }
  // Pushed one by one: a header of 150,000 columns is too many arguments for one push.
  for (const line of file.proposal !== undefined ? proposalLines(file.proposal) : file.columns.length > 0 ? columnTable(file) : []) lines.push(line);
  return `${lines.join('\n')}\n`;
}

/** Every file's summary, a blank line between them. */
export function renderInspection(files: readonly FileReading[]): string {
  return files.map(renderFileReading).join('\n');
}

/** `inspect --format json`: the FileReadings themselves. */
export function renderInspectionJson(files: readonly FileReading[]): string {
  return jsonDocument({ files });
}
