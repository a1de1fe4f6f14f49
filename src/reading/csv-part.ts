import { checkedUtf8Part } from '../io/decode-input.js';
import { csvRecords, recordsToCome } from '../io/csv-records.js';
import type { Delimiter } from '../io/input-formats.js';
import { Ingest, type PartIngest } from '../tickets/ingest.js';
import { wallTimeReader } from '../time/zone.js';
import { ValueCounter, type ValueCounts } from './column-readings.js';
import { CsvRows, type RecordReading } from './csv-rows.js';

/**
 * The later part of a CSV export, from a line's start to its end, read into a log (see
 * PartIngest) by a second thread while the first part is read (later-part.ts): its records read
 * as the file's header decided (RecordReading), every valid one kept in the order read. No I/O
 * here: the thread hands the bytes in.
 */

/** What the second thread is given: where the part starts, and how the file's records are read. Plain data. */
export interface CsvPartPlan {
  path: string;
  /** The file as messages name it. */
  name: string;
  /** The byte the part starts at: just after a line feed. */
  at: number;
  /** The file's size, for the room its tickets need. */
  size: number;
  delimiter: Delimiter;
  maxRecordSize: number;
  /** The zone timestamps without an offset are read in (see Ingest.readLocal). */
  inputZone: string;
  reading: RecordReading;
  /** Count each column's blank and sentinel values (inspect, --verbose). */
  countValues: boolean;
}

/** What was made of the part: its records, and each column's counts when asked. Plain data. */
export interface CsvPartRead {
  ingest: PartIngest;
  counts: ValueCounts | undefined;
}

/** Reads the part's bytes (`chunks`, from `plan.at` on); `told` is told the bytes and records read, block by block. */
export async function readCsvPart(plan: CsvPartPlan, chunks: AsyncIterable<Buffer>, told?: (bytes: number, records: number) => void): Promise<CsvPartRead> {
  const ingest = new Ingest(wallTimeReader(plan.inputZone), { part: true });
  const file = ingest.openFile(plan.name);
  const { reading } = plan;
  const counter = plan.countValues ? new ValueCounter(reading.header.length, 'dialect' in reading ? reading.dialect.sentinels : []) : undefined;
  const rows = new CsvRows(ingest, file, reading, counter);
  const { delimiter, maxRecordSize, name } = plan;
  let expected = false;
  for await (const block of csvRecords(checkedUtf8Part(chunks, name), name, { delimiter, maxRecordSize, keepRaw: false, firstLine: 1, midText: true })) {
    if (!expected && block.records.length > 1) {
      expected = true;
      ingest.expectRecords(recordsToCome(block, plan.size - plan.at - block.bytes));
    }
    ingest.blank(file, block.blankLines);
    rows.readBlock(block);
    told?.(block.bytes, block.records.length + block.blankLines);
  }
  return { ingest: ingest.partRead(), counts: counter?.counts() };
}
