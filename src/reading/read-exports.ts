import { refuseMismatch } from '../dialect/interpret.js';
import { UsageError } from '../errors.js';
import { ENCODING_NAMES } from '../io/decode-input.js';
import { DELIMITER_NAMES, formatFromExtension, type Delimiter } from '../io/input-formats.js';
import { displayName, isRegularFile, openInput, type DecodeOptions, type InputText } from '../io/open-input.js';
import type { InputProgress, ReadProgress } from '../io/progress.js';
import { thisMachine } from '../io/machine.js';
import { DEFAULT_MAX_EXPANSION, EXPANSION_FLOOR, twoThreads, type PartFormat } from '../io/read-limits.js';
import { sniffInput, type SniffedInput } from '../io/sniff-input.js';
import { loadPresets } from '../presets/index.js';
import { blankUnderstanding, type FileUnderstanding } from '../tickets/file-reading.js';
import type { Ingest } from '../tickets/ingest.js';
import { readCsvExport, type CsvText } from './csv-export.js';
import type { ReadOptions } from './read-options.js';

export type { ReadOptions } from './read-options.js';

/**
 * Reads ticket exports (files, or `-` for standard input) into the Ingest: io/ opens and decodes
 * each, sniffs its format and delimiter; the CSV or JSON reader splits it into records and, through
 * the interpretation step, maps them onto the canonical ticket.
 */

/** What was decided about a file's bytes without being asked, for a notice ('' when nothing: UTF-8 with commas). */
function whatWasDetected(input: InputText, delimiter: Delimiter | undefined, from: SniffedInput['delimiterFrom']): string {
  const parts: string[] = [];
  if (input.encodingFrom === 'byte order mark' && input.encoding !== 'utf-8') parts.push(`read as ${ENCODING_NAMES[input.encoding]} (from its byte order mark)`);
  if (delimiter !== undefined && delimiter !== ',' && from === 'detected') {
    parts.push(`fields separated by ${DELIMITER_NAMES[delimiter]}s (detected from the header line)`);
  }
  if (delimiter !== undefined && from === 'sep line') parts.push(`fields separated by ${DELIMITER_NAMES[delimiter]}s (from its first line, ${JSON.stringify(`sep=${delimiter}`)})`);
  if (delimiter === ';') parts.push('numbers read with a decimal comma (1,5 = 1.5)');
  return parts.join('; ');
}

/** What inspect says of a file before its header is read: how its bytes were read. */
function understanding(input: InputText, sniffed: SniffedInput, options: ReadOptions, given: boolean): FileUnderstanding {
  const { format, delimiter } = sniffed;
  return {
    ...blankUnderstanding(input.name, options.inputZone ?? 'UTC'),
    format,
    formatFrom: options.format !== undefined ? 'option' : given ? 'extension' : 'content',
    compressed: input.compressed,
    encoding: input.encoding,
    encodingFrom: input.encodingFrom,
    delimiter: format === 'csv' ? (delimiter ?? ',') : null,
    delimiterFrom: sniffed.delimiterFrom,
    decimalComma: format === 'csv' && delimiter === ';',
  };
}

/** How every input's bytes are decoded, from the read options. */
function decodeOptions(options: ReadOptions): DecodeOptions {
  const ratio = options.maxExpansion === undefined ? DEFAULT_MAX_EXPANSION : options.maxExpansion;
  return { encoding: options.encoding, expansion: ratio === null ? undefined : { ratio, floor: options.expansionFloor ?? EXPANSION_FLOOR } };
}

/**
 * Whether a CSV, NDJSON or JSON array file of `size` bytes (its text) is read in two parts at once
 * (reading/later-part.ts), as --threads says (twoThreads); never for inspect (it describes a file),
 * --rejects or --event-log.
 */
function readsInParts(ingest: Ingest, options: ReadOptions, size: number, format: PartFormat): boolean {
  return ingest.readsInParts && options.describeUnknown !== true && twoThreads(options.threads, size, format, thisMachine);
}

/** Reads every source in order into the ingest, telling `progress` (a terminal's progress line) how far it is. */
export async function readTicketSources(paths: string[], ingest: Ingest, stdin: NodeJS.ReadableStream, options: ReadOptions = {}, progress?: ReadProgress): Promise<void> {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const presets = await loadPresets();
  const decoding = decodeOptions(options);
  for (const [i, path] of paths.entries()) {
    const passProgress = (firstPass: boolean): InputProgress | undefined => progress?.pass(displayName(path), i + 1, paths.length, firstPass);
    const counter = passProgress(false);
    const input = await openInput(path, stdin, decoding, counter);
    try {
      await readInput(path, input, counter, passProgress);
    } finally {
      input.close();
    }
  }

  /** Reads one opened source into the ingest; `passProgress` makes the progress of a pass over it. */
  async function readInput(path: string, input: InputText, counter: InputProgress | undefined, passProgress: (firstPass: boolean) => InputProgress | undefined): Promise<void> {
    const given = options.format ?? (path === '-' ? undefined : formatFromExtension(path));
    const sniffed = await sniffInput(input.name, input.chunks, given, options.delimiter);
    const understood = understanding(input, sniffed, options, given !== undefined);
    const file = ingest.openFile(input.name, understood);
    refuseMismatch(input.name, sniffed.format, options, presets);
    const detected = whatWasDetected(input, sniffed.format === 'csv' ? sniffed.delimiter : undefined, sniffed.delimiterFrom);
    if (detected !== '') ingest.notice(`${input.name}: ${detected}`);
    // The text's size, when the file's size is it (not gzip data, not re-encoded): how many tickets to make room for.
    const size = input.compressed || input.encoding !== 'utf-8' ? undefined : input.size;
    const source = { name: input.name, file, understood, chunks: sniffed.chunks, size, progress: counter };
    /** The later part of a large file, read by a second thread. */
    const laterPart = async (format: PartFormat) => (size !== undefined && readsInParts(ingest, options, size, format) ? (await import('./later-part.js')).LaterPart.start(path, size, format) : undefined);
    // The JSON readers are loaded for a JSON input only.
    if (sniffed.format === 'json') await (await import('./json-export.js')).readJsonExport({ ...source, later: await laterPart('json') }, ingest, options, presets);
    else if (sniffed.format === 'ndjson') await (await import('./json-export.js')).readNdjsonExport({ ...source, later: await laterPart('ndjson') }, ingest, options, presets);
    else {
      if (sniffed.sepLine) ingest.header(file);
      const firstLine = sniffed.sepLine ? 2 : 1;
      const delimiter = sniffed.delimiter ?? ',';
      // Standard input, a pipe or a FIFO (`<(cmd)`, /dev/stdin) cannot be read twice.
      const reread = (await isRegularFile(path))
        ? async (): Promise<CsvText> => {
            const again = await openInput(path, stdin, decoding, passProgress(true));
            return { chunks: (await sniffInput(again.name, again.chunks, 'csv', delimiter)).chunks, firstLine };
          }
        : undefined;
      const later = firstLine === 1 ? await laterPart('csv') : undefined;
      await readCsvExport({ name: input.name, file, text: { chunks: sniffed.chunks, firstLine }, reread, delimiter, understood, size, progress: counter, later }, ingest, options, presets);
    }
  }
}
