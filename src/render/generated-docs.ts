import type { Presets } from '../presets/index.js';
import { renderFieldsTable, renderStatusesTable } from './fields-doc.js';
import { mappingTable, presetsTable } from './presets-doc.js';

/**
 * The parts of the hand-written docs that are made from the code (the field table, the presets):
 * each between two markers, rewritten by `npm run docs`; a test fails when a committed file
 * differs from what the code makes.
 */

const start = (name: string): string => `<!-- generated: ${name} (npm run docs) -->`;
const END = '<!-- /generated -->';

/** `text` with each named part replaced by its content (the markers stay). */
export function withGenerated(text: string, parts: Readonly<Record<string, string>>): string {
  let result = text;
  for (const [name, content] of Object.entries(parts)) {
    const from = result.indexOf(start(name));
    const to = result.indexOf(END, from);
    if (from < 0 || to < 0) throw new Error(`the markers of the generated part "${name}" are missing`);
    result = `${result.slice(0, from + start(name).length)}\n${content}\n${result.slice(to)}`;
  }
  return result;
}

/** The generated parts of each hand-written doc, by its path in the package. */
export function generatedParts(presets: Presets): Record<string, Record<string, string>> {
  return {
    'docs/input.md': { fields: renderFieldsTable(), statuses: renderStatusesTable() },
    'docs/presets.md': { presets: presetsTable(presets), 'csv-columns': mappingTable(presets, 'csv'), 'json-columns': mappingTable(presets, 'json') },
  };
}
