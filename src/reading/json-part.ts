import { checkedUtf8Part } from '../io/decode-input.js';
import { jsonRecords } from '../io/json-records.js';
import { ndjsonLines } from '../io/ndjson-lines.js';
import { loadPresets } from '../presets/index.js';
import { blankUnderstanding } from '../tickets/file-reading.js';
import { Ingest } from '../tickets/ingest.js';
import { wallTimeReader } from '../time/zone.js';
import { JsonObjectReader, readElements, readLines } from './json-export.js';
import type { JsonPartPlan, PartRead } from './parts.js';

/**
 * The later part of an NDJSON export (from a line's start) or of a JSON array (from an element's
 * start, after a comma) to its end, read into a log (see PartIngest) by a second thread while the
 * first part is read (later-part.ts): its objects read as the file's first object decided (the
 * plan's preset, or canonical keys), every valid one kept in the order read. No I/O here: the
 * thread hands the bytes in.
 */

/** Reads the part's bytes (`chunks`, from `plan.at` on); `told` is told the bytes and records read, block by block. */
export async function readJsonPart(plan: JsonPartPlan, chunks: AsyncIterable<Buffer>, told?: (bytes: number, records: number) => void): Promise<PartRead> {
  const ingest = new Ingest(wallTimeReader(plan.inputZone), { part: true, unread: plan.unread });
  const { name, maxRecordSize } = plan;
  const understood = blankUnderstanding(name, plan.inputZone);
  const file = ingest.openFile(name, understood);
  const presets = await loadPresets();
  const reader = new JsonObjectReader({ name, file, chunks, understood }, ingest, { countValues: plan.countValues }, presets, { preset: plan.preset });
  const room = ingest.roomAhead(plan.size - plan.at);
  const text = checkedUtf8Part(chunks, name);
  if (plan.kind === 'ndjson') {
    for await (const { lines, bytes } of ndjsonLines(text, name, { maxRecordSize, midText: true })) {
      room(lines.length, bytes);
      readLines(reader, ingest, file, lines);
      told?.(bytes, lines.length);
    }
  } else {
    // Inside the array, its elements only: no document that is no array.
    for await (const block of jsonRecords(text, name, { maxRecordSize, midArray: true })) {
      if (block.kind !== 'elements') continue;
      const count = readElements(reader, ingest, name, block.items);
      room(count, block.bytes);
      told?.(block.bytes, count);
    }
  }
  return { ingest: ingest.partRead(), ...reader.partRead() };
}
