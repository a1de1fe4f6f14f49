import type { Presets } from '../presets/index.js';
import type { Preset } from '../presets/types.js';
import { TICKET_FIELDS, type TicketField } from '../schema/fields.js';

/**
 * The presets as people read them, made from the preset registry: the `presets` command (every
 * preset, or one with its columns), and docs/presets.md's tables (`npm run docs` writes them; a test
 * fails when the committed file differs).
 */

/** How a preset is recognised: CSV headers that must all be there; JSON keys of the first object (a list: any of them). */
export function recognisedBy(preset: Preset): string {
  const names = preset.signature.map((wanted) => (typeof wanted === 'string' ? `\`${wanted}\`` : wanted.map((w) => `\`${w}\``).join(' or ')));
  return preset.format === 'csv' ? names.join(', ') : `keys ${names.join(' and ')}`;
}

/** What the preset reads: its title, and JSON or NDJSON for the API objects. */
const exportText = (preset: Preset): string => (preset.format === 'json' ? `${preset.title} (JSON, NDJSON)` : preset.title);

/** A column name as people read it: a `*` that stands for a zone says so. */
function columnText(preset: Preset, name: string): string {
  return preset.dialect.zoneInHeader === true ? name.replace('(*)', '(zone)') : name;
}

/**
 * Where each canonical field comes from in this export: its column (a JSON key path, or a derived
 * key's name), else created_at + a duration column; `undefined` for a field the export does not hold.
 */
export function presetColumns(preset: Preset): Partial<Record<TicketField, string>> {
  const { dialect } = preset;
  const cells: Partial<Record<TicketField, string>> = {};
  const created = columnText(preset, dialect.columns.created_at ?? 'created_at');
  for (const field of TICKET_FIELDS) {
    const column = dialect.columns[field];
    const duration = dialect.afterCreated[field];
    const plus = duration === undefined ? undefined : `(${created} + ${duration.header}${duration.header.includes(duration.unit) ? '' : ` ${duration.unit}`})`;
    let cell = column === undefined ? plus : plus === undefined ? columnText(preset, column) : `${columnText(preset, column)}, else ${plus}`;
    if (cell !== undefined && field === 'tags' && dialect.tagSeparator === ' ') cell += ' (space-separated)';
    if (cell !== undefined) cells[field] = cell;
  }
  return cells;
}

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** docs/presets.md: every preset, what it reads, how it is recognised, and what to know about it. */
export function presetsTable(presets: Presets): string {
  const lines = Object.values(presets).map((p) => row([`\`${p.name}\``, exportText(p), recognisedBy(p), p.notes]));
  return [row(['preset', 'export', 'recognised by', 'notes']), row(['---', '---', '---', '---']), ...lines].join('\n');
}

/** docs/presets.md: for the presets of one format, which column holds each canonical field (— where none does). */
export function mappingTable(presets: Presets, format: Preset['format']): string {
  const chosen = Object.values(presets).filter((p) => p.format === format);
  const columns = chosen.map(presetColumns);
  const lines = TICKET_FIELDS.filter((field) => columns.some((c) => c[field] !== undefined)).map((field) =>
    row([`\`${field}\``, ...columns.map((c) => c[field] ?? '—')]),
  );
  return [row(['canonical field', ...chosen.map((p) => p.name)]), row(['---', ...chosen.map(() => '---')]), ...lines].join('\n');
}

/** For a terminal: no Markdown code or bold marks. */
const plain = (text: string): string => text.replace(/`|\*\*/g, '');

/** How a preset is recognised, for a terminal: names in double quotes. */
const recognisedText = (preset: Preset): string => recognisedBy(preset).replace(/`([^`]*)`/g, '"$1"');

/** A paragraph wrapped at `width` characters, for a terminal. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** `support-metrics presets`: every preset, what it reads and how it is recognised. */
export function renderPresetsCatalogue(presets: Presets): string {
  const blocks = Object.values(presets).map((p) => [`${p.name} — ${exportText(p)}`, `  recognised by: ${recognisedText(p)}`].join('\n'));
  return `${blocks.join('\n\n')}\n\nsupport-metrics presets NAME shows which column holds each field, and what to know about the export.\n`;
}

/** `support-metrics presets NAME`: the preset's columns, field by field, and its notes. */
export function renderPresetExplanation(preset: Preset): string {
  const columns = presetColumns(preset);
  const width = Math.max(...Object.keys(columns).map((f) => f.length));
  return [
    `${preset.name} — ${exportText(preset)}`,
    '',
    `Recognised by: ${recognisedText(preset)} (or chosen with --preset ${preset.name})`,
    '',
    'Columns:',
    ...Object.entries(columns).map(([field, column]) => `  ${field.padEnd(width)}  ${column}`),
    '',
    wrap(plain(preset.notes), 100),
    '',
  ].join('\n');
}

/** The presets as JSON, for tools: what the command shows, as data. */
export function renderPresetsJson(presets: readonly Preset[]): string {
  const data = presets.map((p) => ({ name: p.name, title: p.title, format: p.format, signature: p.signature, columns: presetColumns(p), notes: p.notes }));
  return `${JSON.stringify(data, null, 2)}\n`;
}
