import { checkedUtf8Part } from '../io/decode-input.js';
import { csvRecords } from '../io/csv-records.js';
import { Ingest } from '../tickets/ingest.js';
import { wallTimeReader } from '../time/zone.js';
import { ValueCounter } from './column-readings.js';
import { CsvRows } from './csv-rows.js';
import type { CsvPartPlan, PartRead } from './parts.js';

/**
 * The later part of a CSV export, from a line's start to its end, read into a log (see
 * PartIngest) by a second thread while the first part is read (later-part.ts): its records read
 * as the file's header decided (the plan's RecordReading), every valid one kept in the order read.
 * No I/O here: the thread hands the bytes in.
 */

/** Reads the part's bytes (`chunks`, from `plan.at` on); `told` is told the bytes and records read, block by block. */
export async function readCsvPart(plan: CsvPartPlan, chunks: AsyncIterable<Buffer>, told?: (bytes: number, records: number) => void): Promise<PartRead> {
  const ingest = new Ingest(wallTimeReader(plan.inputZone), { part: true, unread: plan.unread });
  const file = ingest.openFile(plan.name);
  const { reading } = plan;
  const counter = plan.countValues ? new ValueCounter(reading.header.length, 'dialect' in reading ? reading.dialect.sentinels : []) : undefined;
  const rows = new CsvRows(ingest, file, reading, counter);
  const { delimiter, maxRecordSize, name } = plan;
  const room = ingest.roomAhead(plan.size - plan.at);
  for await (const block of csvRecords(checkedUtf8Part(chunks, name), name, { delimiter, maxRecordSize, keepRaw: false, firstLine: 1, midText: true })) {
    room(block.records.length, block.bytes);
    ingest.blank(file, block.blankLines);
    rows.readBlock(block);
    told?.(block.bytes, block.records.length + block.blankLines);
  }
  return { ingest: ingest.partRead(), counts: counter?.counts() };
}
