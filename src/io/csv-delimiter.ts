import { DELIMITERS, type Delimiter } from './input-formats.js';

/**
 * Which delimiter a CSV export uses, from its header line. Excel writes `;` wherever the decimal
 * mark is a comma (Italy, Germany, France…), tools write tabs or pipes: the header tells, once the
 * delimiters inside quoted names ("Time (min; business)") are left out.
 */

interface FirstRecord {
  /** How many times each delimiter occurs outside quotes. */
  counts: Map<Delimiter, number>;
  /** A line break outside quotes ended the record (else the text ends inside it). */
  ended: boolean;
}

function scanFirstRecord(text: string): FirstRecord {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    // A doubled quote inside quotes ("") toggles twice: still quoted, as it should be.
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') return { counts, ended: true };
    else if (counts.has(char as Delimiter)) counts.set(char as Delimiter, counts.get(char as Delimiter)! + 1);
  }
  return { counts, ended: false };
}

/** The header line is complete in `text` (a line break outside quotes follows it). */
export function headerLineEnded(text: string): boolean {
  return scanFirstRecord(text).ended;
}

/**
 * The delimiter that splits the header line into the most fields outside quotes; a tie (also a
 * one-column header) goes to the comma, then in the order of DELIMITERS.
 */
export function detectDelimiter(text: string): Delimiter {
  const { counts } = scanFirstRecord(text);
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
