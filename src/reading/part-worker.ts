import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { FileBytes } from '../io/file-bytes.js';
import { readCsvPart, type CsvPartPlan, type CsvPartRead } from './csv-part.js';
import type { PartMessage } from './later-part.js';

/**
 * The second thread of a file read in two parts (later-part.ts): reads the part its plan names,
 * posts how far it is, then the part (its arrays transferred, not copied), or that it met an input
 * error there (an error of the file's, not of this code: the first thread then reads the part
 * itself and says where the error is in the file).
 */

const port = parentPort!;
const post = (message: PartMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

/** The buffers under the part's arrays, each once. */
function buffersOf({ ingest: { log }, counts }: CsvPartRead): ArrayBuffer[] {
  const arrays = [...Object.values(log.columns), log.ids.bytes, log.ids.ends, ...(counts === undefined ? [] : [counts.blank, counts.sentinel])];
  return [...new Set(arrays.map((array) => array!.buffer as ArrayBuffer))];
}

/** The part's bytes, read into the same few buffers from the first (see FileBytes: the CSV reader copies what it keeps). */
async function partBytes(plan: CsvPartPlan): Promise<FileBytes> {
  const bytes = await FileBytes.open(plan.path, plan.at);
  bytes.recycle();
  return bytes;
}

port.once('message', (plan: CsvPartPlan) => {
  partBytes(plan)
    .then((bytes) => readCsvPart(plan, bytes, (read, records) => post({ kind: 'progress', bytes: read, records })))
    .then(
      (part) => post({ kind: 'done', part }, buffersOf(part)),
      (error: unknown) => {
        // A read error (EIO, the file gone) is the file's too.
        if (error instanceof InputError || typeof (error as NodeJS.ErrnoException).code === 'string') post({ kind: 'input-error' });
        else throw error;
      },
    );
});
