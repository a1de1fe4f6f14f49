import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { FileBytes } from '../io/file-bytes.js';
import type { PartMessage } from './later-part.js';
import type { PartPlan, PartRead } from './parts.js';

/**
 * The second thread of a file read in two parts (later-part.ts): reads the part its plan names,
 * posts how far it is, then the part (its arrays transferred, not copied), or that it met an input
 * error there (an error of the file's, not of this code: the first thread then reads the part
 * itself and says where the error is in the file).
 */

const port = parentPort!;
const post = (message: PartMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

/** The buffers under the part's arrays, each once. */
function buffersOf({ ingest: { log }, counts }: PartRead): ArrayBuffer[] {
  const arrays = [...Object.values(log.columns), log.ids.bytes, log.ids.ends, ...(counts === undefined ? [] : [counts.blank, counts.sentinel])];
  return [...new Set(arrays.map((array) => array!.buffer as ArrayBuffer))];
}

/** The part's bytes, read into the same few buffers from the first (see FileBytes: the readers copy what they keep). */
async function partBytes(plan: PartPlan): Promise<FileBytes> {
  const bytes = await FileBytes.open(plan.path, plan.at);
  bytes.recycle();
  return bytes;
}

// The reader of the file's format (the thread is started with it), loaded while the first thread reads the file's start.
const csv = workerData === 'csv' ? import('./csv-part.js') : undefined;
const json = workerData === 'ndjson' || workerData === 'json' ? import('./json-part.js') : undefined;

/** Reads the part as its plan says. */
async function readPart(plan: PartPlan): Promise<PartRead> {
  const bytes = await partBytes(plan);
  const told = (read: number, records: number): void => post({ kind: 'progress', bytes: read, records });
  if (plan.kind === 'csv') return (await (csv ?? import('./csv-part.js'))).readCsvPart(plan, bytes, told);
  return (await (json ?? import('./json-part.js'))).readJsonPart(plan, bytes, told);
}

port.once('message', (plan: PartPlan) => {
  readPart(plan)
    .then(
      (part) => post({ kind: 'done', part }, buffersOf(part)),
      (error: unknown) => {
        // A read error (EIO, the file gone) is the file's too.
        if (error instanceof InputError || typeof (error as NodeJS.ErrnoException).code === 'string') post({ kind: 'input-error' });
        else throw error;
      },
    );
});
