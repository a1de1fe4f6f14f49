#!/usr/bin/env node
// bench/bare-parse.mjs: the baselines for `npm run bench`.
//
// Counts the records of one CSV file with nothing else: no column mapping, no cast, no
// validation, no metrics. The full report is timed against these.
//   node bench/bare-parse.mjs FILE           csv-parse with the cheapest options that still parse
//                                            honestly (RFC 4180 quoting, BOM, ragged rows)
//   node bench/bare-parse.mjs FILE scanner   the project's own tokenizer (dist/io/csv-scanner.js,
//                                            built by `npm run bench`), every field made a string
//
// Prints {"records": N} (header row excluded) to stdout.

import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== undefined && mode !== 'scanner')) {
  process.stderr.write('usage: node bench/bare-parse.mjs FILE [scanner]\n');
  process.exit(2);
}

const fail = (error) => {
  process.stderr.write(`bare-parse: ${error.message}\n`);
  process.exit(1);
};
const done = (count) => process.stdout.write(`${JSON.stringify({ records: Math.max(0, count - 1) })}\n`);

if (mode === 'scanner') {
  const { CsvScanner } = await import('../dist/io/csv-scanner.js');
  let count = 0;
  const scanner = new CsvScanner(0x2c, 4 * 1024 * 1024, false, 1, { record: () => count++, blank: () => {} });
  try {
    for await (const chunk of createReadStream(file)) scanner.write(chunk);
    scanner.finish();
  } catch (error) {
    fail(error);
  }
  done(count);
} else {
  const parser = parse({ columns: false, bom: true, relax_column_count: true });
  let count = 0;
  parser.on('readable', () => {
    while (parser.read() !== null) count += 1;
  });
  parser.on('error', fail);
  parser.on('end', () => done(count));
  const input = createReadStream(file);
  input.on('error', fail);
  input.pipe(parser);
}
