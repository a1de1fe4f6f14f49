#!/usr/bin/env node
// bench/bare-parse.mjs: the baseline for `npm run bench`.
//
// Streams one CSV file through csv-parse with the cheapest options that still
// parse it honestly (RFC 4180 quoting, BOM, ragged rows) and counts the records:
// no column mapping, no cast, no validation, no metrics. The full report is
// timed against this.
//
// Usage: node bench/bare-parse.mjs FILE
// Prints {"records": N} (header row excluded) to stdout.

import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/bare-parse.mjs FILE\n');
  process.exit(2);
}

const parser = parse({ columns: false, bom: true, relax_column_count: true });
let count = 0;
parser.on('readable', () => {
  while (parser.read() !== null) count += 1;
});
parser.on('error', (error) => {
  process.stderr.write(`bare-parse: ${error.message}\n`);
  process.exit(1);
});
parser.on('end', () => {
  process.stdout.write(`${JSON.stringify({ records: Math.max(0, count - 1) })}\n`);
});
const input = createReadStream(file);
input.on('error', (error) => {
  process.stderr.write(`bare-parse: ${error.message}\n`);
  process.exit(1);
});
input.pipe(parser);
