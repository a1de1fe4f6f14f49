#!/usr/bin/env node
// bench/run.mjs: `npm run bench` (which builds first, then runs this).
//
// One run prints side by side, each measured run in a child process of its own (a fresh heap,
// its own peak memory):
//   report    the full `support-metrics report FILE --by agent --period week --format json`
//             over a generated export (1,000,000 tickets by default), as it runs by default (two
//             threads read a file that large on two cores or more) and with --threads 1;
//   bare      bare passes over the same file (bench/bare-parse.mjs): csv-parse, and the
//             project's own tokenizer (dist/io/csv-scanner.js) making every field a string;
//   duckdb    DuckDB's same aggregation over the same file (bench/duckdb.mjs), when the
//             devDependency @duckdb/node-api is installed ("not installed" otherwise);
//   startup   `node -e 0`, `--help`, `--version`, and the report over 3,000 and 100,000 tickets;
//   distinct  the report --by agent --period week over an export where every ticket has an agent
//             of its own (generate-tickets --distinct-agents), stopped after a timeout; with the
//             default --max-groups it is refused with one line (exit 3), which counts as handled;
//   filler    400,000 blank lines against 400,000 rows of empty fields;
//   json      (only with --only json) the report over the same generated tickets as NDJSON and
//             as a JSON array, by default and with --threads 1.
// report, bare and duckdb runs are interleaved, so that a change in the background load hits
// them alike. Wall time is taken from spawn to exit; CPU time (user + system, every thread) and
// peak RSS come from `/usr/bin/time -f '%e %U %S %M'` when present, else from bench/maxrss.mjs
// preloaded into the child (process.resourceUsage()).
//
// Identical results: the report's JSON holds nothing of the run but the path of its input as
// given (input.files[].path): no clock, no version, no absolute path of its own. The reports run
// in bench/.data/ with the input's bare file name, so the bytes are the same in every checkout
// (and no support-metrics.config.json of the checkout applies), and the bench takes the sha256
// of the raw bytes of every report it runs. All the runs of one case must agree, and each is
// compared with bench/reference.json (its rows, seed, generator and report flags, the input's
// sha256, and the report's), which --update-reference rewrites for the cases it measured.
//
// Targets (issue 15; the --help one from issue 2): the report within 1.0x DuckDB's wall time and
// in at most 150 MiB; 3,000 tickets within 2.5x `node -e 0`; one million distinct agents in
// under 1 GiB; --help within 1.5x `node -e 0`. The bench prints whether each one was met, as
// measured. Timings never change its exit code: 0, or 3 when a result check failed (a report or
// bare-parse run failed, the runs of one case disagree, or a digest differs from the
// reference), 2 on bad usage, 1 when it cannot produce its input files.
//
// Plain ESM for Node >= 20.19; only Node built-ins (bench/bare-parse.mjs uses csv-parse, a
// dependency of the project; bench/duckdb.mjs the devDependency @duckdb/node-api).
//
// Usage: node bench/run.mjs --help

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const CASES = {
  report: 'the full report --by agent --period week over the generated export',
  bare: 'bare passes over the same file: csv-parse, and the project\'s own tokenizer',
  duckdb: "DuckDB's same aggregation over the same file (when @duckdb/node-api is installed)",
  startup: 'node -e 0, --help, --version, the report over 3,000 and 100,000 tickets',
  distinct: 'the report over an export where every ticket has an agent of its own',
  filler: '400,000 blank lines against 400,000 rows of empty fields',
  json: 'the report over the same tickets as NDJSON and as a JSON array (only when --only names it)',
};

/** The cases run without --only: all but json (two more files of ~430 MB each, and ~1.5 minutes). */
const DEFAULT_CASES = Object.keys(CASES).filter((name) => name !== 'json');

const USAGE = `Usage: node bench/run.mjs [options]   (or: npm run bench -- [options])

Options:
  --rows N                tickets in the generated export of report, bare, duckdb and json (default 1000000)
  --runs K                runs of report, bare, duckdb, filler and json; the median is reported (default 3)
  --startup-runs M        runs of each start-up measurement (default 10)
  --distinct-rows N       tickets in the distinct-agents export (default 1000000)
  --distinct-timeout S    seconds after which the distinct-agents run is stopped and reported as
                          timed out (default 600)
  --only CASES            run only these cases, comma-separated (default: all but json):
${Object.entries(CASES).map(([name, what]) => `                            ${name.padEnd(9)} ${what}`).join('\n')}
  --rss MODE              how to measure CPU time and peak RSS: time (/usr/bin/time) or node
                          (process.resourceUsage() in the child); default: time if present
  --update-reference      record the report digests of this run in bench/reference.json (one entry
                          per case, rows, seed and flags; entries of cases not run are kept)
  -h, --help              show this help

Exports are written to bench/.data/ by scripts/generate-tickets.mjs (seed 42, default invalid and
duplicate rates; --distinct-agents for the distinct case) and reused when already there.
Exit status: 0; 3 when a result check failed (a report or bare-parse run failed, the runs of one
case gave different report JSON, or a digest differs from bench/reference.json); 2 on bad usage;
1 when an export cannot be generated. Timings and targets never change it.
`;

// Issue 15 (the --help target is issue 2's; issue 15 replaced its other two, 1.5x the bare parse
// and 200 MiB, with DuckDB's wall time and 150 MiB).
const TARGET_DUCKDB_RATIO = 1.0;
const TARGET_PEAK_MIB = 150;
const TARGET_SMALL_RATIO = 2.5;
const TARGET_DISTINCT_MIB = 1024;
const TARGET_HELP_RATIO = 1.5;

const SEED = '42';
const SMALL_ROWS = [3000, 100000]; // the start-up case's reports
const FILLER = 400_000;
const TIME_BIN = '/usr/bin/time';
const STDIO_KEEP = 64 * 1024; // bytes of each child's stdout/stderr kept for diagnostics

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
const DATA_DIR = join(BENCH_DIR, '.data');
const CLI = join(ROOT, 'bin', 'support-metrics.js');
const GENERATOR = join(ROOT, 'scripts', 'generate-tickets.mjs');
const BARE_PARSE = join(BENCH_DIR, 'bare-parse.mjs');
const DUCKDB = join(BENCH_DIR, 'duckdb.mjs');
const MAXRSS_PROBE = pathToFileURL(join(BENCH_DIR, 'maxrss.mjs')).href;
const REFERENCE = join(BENCH_DIR, 'reference.json');

// ---------------------------------------------------------------- arguments

function usageError(message) {
  process.stderr.write(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function positiveInt(value, name) {
  if (!/^\d+$/.test(value) || Number(value) < 1) usageError(`${name} must be a positive integer, got "${value}"`);
  return Number(value);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
      'startup-runs': { type: 'string', default: '10' },
      'distinct-rows': { type: 'string', default: '1000000' },
      'distinct-timeout': { type: 'string', default: '600' },
      only: { type: 'string' },
      rss: { type: 'string' },
      'update-reference': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  usageError(error.message);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const ROWS = positiveInt(values.rows, '--rows');
const RUNS = positiveInt(values.runs, '--runs');
const STARTUP_RUNS = positiveInt(values['startup-runs'], '--startup-runs');
const DISTINCT_ROWS = positiveInt(values['distinct-rows'], '--distinct-rows');
const DISTINCT_TIMEOUT_S = positiveInt(values['distinct-timeout'], '--distinct-timeout');
const ONLY = new Set(values.only === undefined ? DEFAULT_CASES : values.only.split(',').map((s) => s.trim()).filter(Boolean));
for (const name of ONLY) if (!(name in CASES)) usageError(`--only: unknown case "${name}" (cases: ${Object.keys(CASES).join(', ')})`);
if (ONLY.size === 0) usageError('--only needs at least one case');
const hasTime = existsSync(TIME_BIN);
if (values.rss !== undefined && values.rss !== 'time' && values.rss !== 'node') usageError(`--rss must be time or node, got "${values.rss}"`);
if (values.rss === 'time' && !hasTime) usageError(`--rss time: ${TIME_BIN} is not installed`);
const RSS_MODE = values.rss ?? (hasTime ? 'time' : 'node');
const UPDATE_REFERENCE = values['update-reference'];

// ---------------------------------------------------------------- helpers

const rel = (path) => relative(process.cwd(), path) || '.';
const fmtInt = (n) => n.toLocaleString('en-US');
const fmtS = (s) => `${s.toFixed(2)} s`;
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;
const fmtMiB = (kib) => `${(kib / 1024).toFixed(1)} MiB`;
const fmtX = (x) => `${x.toFixed(2)}×`;
const loadNow = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const say = (line = '') => process.stdout.write(`${line}\n`);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median, min and max of the non-null values, or null when there are none. */
function stat(items, pick = (x) => x) {
  const xs = items.map(pick).filter((x) => x !== null && x !== undefined);
  return xs.length ? { med: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : null;
}

function keepTail(chunks, chunk) {
  chunks.push(chunk);
  let total = chunks.reduce((n, c) => n + c.length, 0);
  while (total > STDIO_KEEP && chunks.length > 1) total -= chunks.shift().length;
}

/** Children running now (process group ids): ended with the bench on Ctrl-C. */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pid of running) {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    process.stderr.write(`\nbench: stopped by ${signal}\n`);
    process.exit(130);
  });
}

/**
 * Runs `node ...nodeArgs` in a child process (its own process group, so that a timeout or
 * Ctrl-C ends it and anything it started) and measures it. Returns { code, signal, timedOut,
 * seconds, cpuSeconds, rssKiB, stdout, stderr }; both null when not measured; when the child
 * is stopped at its timeout, cpuSeconds is null and rssKiB the peak read from /proc just before.
 */
function measure(nodeArgs, { rss = true, quiet = false, cwd = ROOT, timeoutSeconds = null } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = join(DATA_DIR, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
    let command = process.execPath;
    let args = nodeArgs;
    const env = { ...process.env };
    if (rss && RSS_MODE === 'time') {
      command = TIME_BIN;
      args = ['-f', '%e %U %S %M', '-o', rssFile, process.execPath, ...nodeArgs];
    } else if (rss) {
      args = ['--import', MAXRSS_PROBE, ...nodeArgs];
      env.SUPPORT_METRICS_BENCH_RSS_FILE = rssFile;
    }
    const out = [];
    const err = [];
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', quiet ? 'ignore' : 'pipe', quiet ? 'ignore' : 'pipe'] });
    running.add(child.pid);
    let end = null;
    let timedOut = false;
    let peakAtTimeout = null;
    const timer = timeoutSeconds === null ? null : setTimeout(() => {
      timedOut = true;
      peakAtTimeout = peakRssOfTree(child.pid); // the rusage figures die with the child
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutSeconds * 1000);
    child.stdout?.on('data', (c) => keepTail(out, c));
    child.stderr?.on('data', (c) => keepTail(err, c));
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      running.delete(child.pid);
      reject(error);
    });
    child.on('exit', () => { end = process.hrtime.bigint(); });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      running.delete(child.pid);
      const seconds = Number((end ?? process.hrtime.bigint()) - start) / 1e9;
      let cpuSeconds = null;
      let rssKiB = null;
      if (rss) {
        try {
          const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
          // GNU time writes "Command exited with non-zero status N" above the format line.
          const [, user, system, kib] = lines[lines.length - 1].trim().split(/\s+/).map(Number);
          if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user + system;
          if (Number.isFinite(kib) && kib > 0) rssKiB = kib;
        } catch {
          // No figures: reported as n/a.
        }
        rmSync(rssFile, { force: true });
        rssKiB ??= peakAtTimeout;
      }
      resolve({
        code, signal, timedOut, seconds, cpuSeconds, rssKiB,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/**
 * The largest peak RSS (VmHWM, KiB) of a process and its descendants, read from /proc (Linux),
 * for a child about to be stopped; null where /proc does not tell.
 */
function peakRssOfTree(pid) {
  let peak = null;
  const visit = (p, depth) => {
    try {
      const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1]);
      if (Number.isFinite(kib) && kib > 0) peak = Math.max(peak ?? 0, kib);
      if (depth < 4) {
        for (const c of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(c, depth + 1);
      }
    } catch {
      // Gone, or no /proc: nothing to add.
    }
  };
  visit(pid, 0);
  return peak;
}

const outOfMemory = (r) => /JavaScript heap out of memory|Reached heap limit/.test(r.stderr);

function describeFailure(r) {
  if (r.timedOut) return `timed out: stopped after ${fmtS(r.seconds)}`;
  const how = outOfMemory(r) ? 'out of memory (V8 heap limit)' : r.signal ? `killed by ${r.signal}` : `exit code ${r.code}`;
  const tail = r.stderr.trim().split('\n').slice(-15).map((l) => `      | ${l}`).join('\n');
  return `${how}${tail ? `\n${tail}` : ''}`;
}

function renderTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function sha256File(path) {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

// ---------------------------------------------------------------- inputs

/**
 * The generated export of `rows` tickets (with --distinct-agents when `distinct`), made once and
 * reused. Returns { path, name, rows, generator, bytes, sha256 }: `name` is the file's name in
 * bench/.data/, `generator` the generator flags beyond --rows and --seed.
 */
async function ensureData(rows, { distinct = false, format = 'csv' } = {}) {
  // The CSV's generator flags are its reference key as they were before other formats were measured.
  const generator = [...(distinct ? ['--distinct-agents'] : []), ...(format === 'csv' ? [] : ['--format', format])];
  const name = `tickets-${distinct ? 'distinct-' : ''}${rows}.${format}`;
  const path = join(DATA_DIR, name);
  if (existsSync(path) && statSync(path).size > 0) {
    say(`input:    reusing ${rel(path)} (delete it to regenerate)`);
  } else {
    const tmp = `${path}.tmp-${process.pid}`;
    say(`input:    generating ${rel(path)} (${fmtInt(rows)} rows, seed ${SEED}${generator.length ? `, ${generator.join(' ')}` : ''})…`);
    const r = await measure([GENERATOR, '--rows', String(rows), '--seed', SEED, ...generator, ...(format === 'csv' ? ['--format', 'csv'] : []), '--out', tmp], { rss: false });
    if (r.code !== 0) {
      rmSync(tmp, { force: true });
      process.stderr.write(`bench: the generator failed: ${describeFailure(r)}\n`);
      process.exit(1);
    }
    renameSync(tmp, path); // never leave a half-written file to be reused by the next run
    say(`          generated in ${fmtS(r.seconds)}`);
  }
  // Reading it whole also warms the page cache, so that the first measured run does not pay for it.
  const started = process.hrtime.bigint();
  const sha256 = await sha256File(path);
  const bytes = statSync(path).size;
  say(`          ${(bytes / 1e6).toFixed(1)} MB, sha256 ${sha256.slice(0, 16)}…, read in ${fmtS(Number(process.hrtime.bigint() - started) / 1e9)}`);
  return { path, name, rows, generator, bytes, sha256 };
}

// ---------------------------------------------------------------- results

const REPORT_FLAGS = ['--by', 'agent', '--period', 'week', '--format', 'json'];

/** The report's arguments over `input`, run in bench/.data/ with bare file names. */
const reportArgs = (input, outName, extra = []) => [CLI, 'report', input.name, ...REPORT_FLAGS, ...extra, '--output', outName];

/**
 * The digests of one report case: every run's sha256, in order, with its input.
 * `label` names it in the output; `key` fields identify it in bench/reference.json.
 */
function resultCase(label, caseName, input) {
  return {
    label,
    key: { case: caseName, rows: input.rows, seed: SEED, generator: input.generator, flags: ['report', 'FILE', ...REPORT_FLAGS] },
    input,
    digests: [],
    failed: 0,
  };
}

/**
 * Runs one report, hashes its JSON and records the digest in `result`; returns the run. `extra`:
 * flags that must not change the JSON (--threads 1), so its digest joins the case's.
 */
async function measureReport(result, outName, options = {}, extra = []) {
  const outPath = join(DATA_DIR, outName);
  rmSync(outPath, { force: true });
  const r = await measure(reportArgs(result.input, outName, extra), { cwd: DATA_DIR, ...options });
  if (r.code === 0 && !r.timedOut) result.digests.push(await sha256File(outPath));
  else result.failed += 1;
  return r;
}

function readReference() {
  if (!existsSync(REFERENCE)) return { cases: [] };
  const parsed = JSON.parse(readFileSync(REFERENCE, 'utf8'));
  if (!Array.isArray(parsed?.cases)) throw new Error(`${rel(REFERENCE)}: no "cases" list`);
  return parsed;
}

const sameKey = (a, b) => JSON.stringify([a.case, a.rows, a.seed, a.generator, a.flags]) === JSON.stringify([b.case, b.rows, b.seed, b.generator, b.flags]);

/**
 * Checks one case's digests: all runs agree, and against the reference. Returns
 * { ok, line, entry }: ok false when a check failed; entry the reference entry to record.
 */
function checkResult(result, reference) {
  const { label, digests, input } = result;
  if (digests.length === 0) return { ok: true, line: `${label}: no report to check (no run finished)`, entry: null };
  const distinct = [...new Set(digests)];
  const short = (d) => `${d.slice(0, 16)}…`;
  if (distinct.length > 1) {
    return { ok: false, line: `${label}: the runs DISAGREE: ${digests.map(short).join(', ')}`, entry: null };
  }
  const digest = distinct[0];
  const runs = `${digests.length === 1 ? '1 run' : `all ${digests.length} runs`}${result.failed ? ` (${result.failed} more gave no report)` : ''}`;
  const entry = { ...result.key, input: { bytes: input.bytes, sha256: input.sha256 }, sha256: digest };
  const known = reference.cases.find((c) => sameKey(c, result.key));
  let verdict;
  let ok = true;
  if (!known) verdict = 'no reference for this case (--update-reference records one)';
  else if (known.sha256 === digest) verdict = 'same as reference';
  else {
    ok = false;
    const why = known.input?.sha256 !== input.sha256
      ? 'the input differs from the reference input too: was the generator changed?'
      : `reference ${short(known.sha256)} over the same input`;
    verdict = `DIFFERENT from reference (${why})`;
  }
  return { ok, line: `${label}: sha256 ${short(digest)} in ${runs}; ${verdict}`, entry };
}

function writeReference(reference, entries) {
  const cases = reference.cases.filter((c) => !entries.some((e) => sameKey(c, e)));
  // The same case twice in one run (--rows 3000 with the start-up case) is one entry.
  let written = 0;
  for (const entry of entries) {
    if (cases.some((c) => sameKey(c, entry))) continue;
    cases.push(entry);
    written += 1;
  }
  cases.sort((a, b) => a.case.localeCompare(b.case) || a.generator.join(' ').localeCompare(b.generator.join(' ')) || a.rows - b.rows);
  const document = {
    about: 'sha256 of the report JSON per bench case (bench/run.mjs checks every run against it; --update-reference rewrites it). '
      + 'The reports run in bench/.data/ with the input\'s bare file name, so their bytes hold no path of the checkout; '
      + 'flags are the report\'s arguments, generator the flags of scripts/generate-tickets.mjs beyond --rows and --seed.',
    cases,
  };
  // One case a line, so that a change of digest is a one-line diff.
  const lines = document.cases.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  writeFileSync(REFERENCE, `{\n  "about": ${JSON.stringify(document.about)},\n  "cases": [\n${lines}\n  ]\n}\n`);
  return written;
}

function reportInputSummary(path) {
  try {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    return { input: report.input, rows: report.rows?.length, range: report.range };
  } catch (error) {
    return { error: error.message };
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const benchStart = process.hrtime.bigint();
  const cpus = os.cpus();
  const cases = Object.keys(CASES).filter((c) => ONLY.has(c));
  say(`support-metrics bench: ${cases.join(', ')}`);
  say(`machine:  ${cpus.length} cores (${cpus[0]?.model?.trim() ?? 'unknown CPU'}), Node ${process.version}, ${os.platform()} ${os.arch()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`);
  say(`load:     ${loadNow()} (1/5/15 min) at start; other processes may share the CPU`);
  say(`measured: wall time from spawn to exit; CPU (user + sys) and peak RSS via ${RSS_MODE === 'time' ? `${TIME_BIN} -f '%e %U %S %M'` : 'process.resourceUsage() (bench/maxrss.mjs)'}`);
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench: dist/ is missing; run `npm run bench` (it builds first) or `npm run build`\n');
    process.exit(1);
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const reference = readReference();
  const results = []; // resultCase per report case run
  const failures = [];
  let checksFailed = false; // a report or bare-parse run failed, or a digest check did
  const show = (r) => (r.code === 0 ? `${fmtS(r.seconds)}, ${r.rssKiB === null ? 'n/a' : fmtMiB(r.rssKiB)}` : 'FAILED');

  // ------------------------------------------------ (1)-(3) report, bare parse, DuckDB
  let mainInput = null;
  const large = { report: [], oneThread: [], bare: [], scan: [], duckdb: [] };
  let bareRecords = null;
  let duckdbInfo = null; // the child's {installed, version, threads, groups, tickets}
  let duckdbError = null;
  let reportResult = null;
  let reportSummary = null;
  const reportOut = `report-large-${ROWS}.json`;
  const duckdbOut = `duckdb-${ROWS}.csv`;
  if (ONLY.has('report') || ONLY.has('bare') || ONLY.has('duckdb')) {
    mainInput = await ensureData(ROWS);
    say(`large:    ${RUNS} run(s) of each, interleaved`);
    if (ONLY.has('report')) reportResult = resultCase(`report over ${fmtInt(ROWS)} tickets`, 'report', mainInput);
    for (let i = 1; i <= RUNS; i += 1) {
      const parts = [];
      /** Run `r` of `label` joins the round's line, and `list` when it succeeded (else it is a failure); returns whether it did. */
      const kept = (label, list, r) => {
        parts.push(`${label} ${show(r)}`);
        if (r.code === 0) {
          list.push(r);
          return true;
        }
        failures.push(`${label}, run ${i}: ${describeFailure(r)}`);
        checksFailed = true;
        return false;
      };
      if (ONLY.has('bare')) {
        const b = await measure([BARE_PARSE, mainInput.path]);
        if (kept('bare parse', large.bare, b)) {
          try { bareRecords = JSON.parse(b.stdout).records; } catch { /* reported below as n/a */ }
        }
        kept('bare scan', large.scan, await measure([BARE_PARSE, mainInput.path, 'scanner']));
      }
      if (ONLY.has('report')) {
        if (kept('full report', large.report, await measureReport(reportResult, reportOut))) reportSummary ??= reportInputSummary(join(DATA_DIR, reportOut));
        kept('full report --threads 1', large.oneThread, await measureReport(reportResult, reportOut, {}, ['--threads', '1']));
      }
      if (ONLY.has('duckdb') && duckdbInfo?.installed !== false) {
        const d = await measure([DUCKDB, mainInput.path, join(DATA_DIR, duckdbOut)]);
        let info = null;
        try { info = JSON.parse(d.stdout); } catch { /* a failure, below */ }
        if (d.code === 0 && info) {
          duckdbInfo = info;
          if (info.installed) large.duckdb.push(d);
          parts.push(info.installed ? `DuckDB ${show(d)}` : 'DuckDB not installed');
        } else {
          duckdbError = describeFailure(d);
          parts.push('DuckDB FAILED');
        }
      }
      say(`run ${i}/${RUNS}: ${parts.join(' | ')}`);
    }
  }

  // ------------------------------------------------ filler: blank lines against rows of empty fields
  // A blank line must cost no more than a row (csv-parse made an error object, stack and all,
  // for each blank line it turned into a record).
  const fillers = [];
  if (ONLY.has('filler')) {
    const fillerFile = (name, line) => {
      const path = join(DATA_DIR, `${name}-${FILLER}.csv`);
      if (!existsSync(path)) writeFileSync(path, `id,created_at,agent\nA1,2026-03-02T09:00:00Z,alice\n${line.repeat(FILLER)}A2,2026-03-03T09:00:00Z,bob\n`);
      return path;
    };
    fillers.push(
      { name: `report, ${fmtInt(FILLER)} blank lines`, path: fillerFile('blank-lines', '\n'), runs: [] },
      { name: `report, ${fmtInt(FILLER)} rows of empty fields`, path: fillerFile('empty-rows', ',,\n'), runs: [] },
    );
    for (let i = 0; i < RUNS; i += 1) {
      for (const filler of fillers) {
        const r = await measure([CLI, 'report', filler.path, '--format', 'json', '--output', join(DATA_DIR, 'filler.json')], { rss: false, quiet: true });
        if (r.code === 0) filler.runs.push(r.seconds);
        else failures.push(`${filler.name}: ${describeFailure(r)}`);
      }
    }
    say(`filler:   ${RUNS} run(s) each done`);
  }

  // ------------------------------------------------ json: the same tickets as NDJSON and as a JSON array
  const jsonInputs = [];
  if (ONLY.has('json')) {
    for (const [format, title] of [['ndjson', 'NDJSON'], ['json', 'a JSON array']]) {
      const input = await ensureData(ROWS, { format });
      const result = resultCase(`report over ${fmtInt(ROWS)} tickets as ${title}`, 'report', input);
      results.push(result);
      jsonInputs.push({ format, title, input, result, report: [], oneThread: [] });
    }
    for (let i = 1; i <= RUNS; i += 1) {
      const parts = [];
      for (const j of jsonInputs) {
        for (const [label, list, extra] of [[`${j.format} report`, j.report, []], [`${j.format} --threads 1`, j.oneThread, ['--threads', '1']]]) {
          const r = await measureReport(j.result, `report-${j.format}-${ROWS}.json`, {}, extra);
          parts.push(`${label} ${show(r)}`);
          if (r.code === 0) list.push(r);
          else {
            failures.push(`${label}, run ${i}: ${describeFailure(r)}`);
            checksFailed = true;
          }
        }
      }
      say(`json ${i}/${RUNS}: ${parts.join(' | ')}`);
    }
  }

  // ------------------------------------------------ (5) start-up, against node -e 0
  const startup = [];
  if (ONLY.has('startup')) {
    const small = [];
    for (const rows of SMALL_ROWS) small.push(await ensureData(rows));
    startup.push(
      { name: 'node -e 0', args: ['-e', '0'] },
      { name: 'support-metrics --help', args: [CLI, '--help'] },
      { name: 'support-metrics --version', args: [CLI, '--version'] },
      ...small.map((input) => {
        const result = resultCase(`report over ${fmtInt(input.rows)} tickets`, 'report', input);
        results.push(result);
        return { name: `report, ${fmtInt(input.rows)} tickets`, result, out: `report-${input.rows}.json` };
      }),
    );
    for (const s of startup) s.runs = [];
    // One warm-up each (not measured, not hashed), then the runs interleaved.
    for (const s of startup) await measure(s.args ?? reportArgs(s.result.input, s.out), { rss: false, quiet: true, cwd: DATA_DIR });
    for (let i = 0; i < STARTUP_RUNS; i += 1) {
      for (const s of startup) {
        const r = s.result
          ? await measureReport(s.result, s.out, { rss: false, quiet: true })
          : await measure(s.args, { rss: false, quiet: true, cwd: DATA_DIR });
        if (r.code === 0) s.runs.push(r.seconds * 1000);
        else {
          failures.push(`${s.name}: ${describeFailure(r)}`);
          checksFailed = true;
        }
      }
    }
    say(`start-up: ${STARTUP_RUNS} run(s) each done`);
  }
  if (reportResult) results.unshift(reportResult);

  // ------------------------------------------------ (6) one agent per ticket
  let distinct = null;
  if (ONLY.has('distinct')) {
    const input = await ensureData(DISTINCT_ROWS, { distinct: true });
    const result = resultCase(`report over ${fmtInt(DISTINCT_ROWS)} tickets, an agent each`, 'report', input);
    const out = `report-distinct-${DISTINCT_ROWS}.json`;
    say(`distinct: one run, stopped after ${DISTINCT_TIMEOUT_S} s…`);
    const r = await measureReport(result, out, { timeoutSeconds: DISTINCT_TIMEOUT_S });
    const outPath = join(DATA_DIR, out);
    const outBytes = existsSync(outPath) ? statSync(outPath).size : null;
    rmSync(outPath, { force: true }); // can be gigabytes; its digest is kept
    // With the default --max-groups, a million agents is refused with one line (exit 3): that is
    // the outcome a user gets, and it counts as handled when it comes early and in bounded memory.
    const refused = r.code === 3 && r.stderr.includes('--max-groups');
    distinct = { input, run: r, outBytes, refused };
    if (r.code === 0 && !r.timedOut) results.push(result);
    say(`distinct: ${r.code === 0 && !r.timedOut ? show(r) : refused ? `refused by --max-groups (exit 3), ${show({ ...r, code: 0 })}` : describeFailure(r).split('\n')[0]}`);
  }
  say();

  // ------------------------------------------------ tables
  const range = (s, f) => (s ? `${f(s.min)} – ${f(s.max)}` : '');
  const med = (s, f) => (s ? f(s.med) : 'n/a');
  const ratioOf = (a, b) => (a && b ? a.med / b.med : null);
  const fmtRatio = (x) => (x === null ? 'n/a' : fmtX(x));
  const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'yes' : 'NO');

  const wall = (runs) => stat(runs, (r) => r.seconds);
  const cpu = (runs) => stat(runs, (r) => r.cpuSeconds);
  const peak = (runs) => stat(runs, (r) => r.rssKiB);
  /** A row of runs: wall (median, range), CPU, peak RSS (median, range). */
  const timingRow = (name, runs) => [name, med(wall(runs), fmtS), range(wall(runs), fmtS), med(cpu(runs), fmtS), med(peak(runs), fmtMiB), range(peak(runs), fmtMiB)];
  const reportWall = wall(large.report);
  const reportCpu = cpu(large.report);
  const reportPeak = peak(large.report);
  const oneThreadWall = wall(large.oneThread);
  const oneThreadCpu = cpu(large.oneThread);
  const bareWall = wall(large.bare);
  const bareCpu = cpu(large.bare);
  const scanWall = wall(large.scan);
  const scanCpu = cpu(large.scan);
  const duckWall = wall(large.duckdb);
  const duckCpu = cpu(large.duckdb);

  if (mainInput) {
    const duckName = duckdbInfo?.installed
      ? `DuckDB ${duckdbInfo.version}, ${duckdbInfo.threads} threads (its default: one per core)`
      : 'DuckDB';
    const notes = [];
    const largeRow = (name, runs, enabled, why) => {
      if (!enabled) {
        notes.push(`${name}: ${why}`);
        return [name, '—'];
      }
      return timingRow(name, runs);
    };
    const duckWhy = !ONLY.has('duckdb') ? 'not run' : duckdbInfo?.installed === false ? 'not installed (npm install --save-dev @duckdb/node-api)' : 'FAILED';
    say(`${fmtInt(ROWS)} tickets, ${(mainInput.bytes / 1e6).toFixed(1)} MB of CSV (${rel(mainInput.path)}); median of ${RUNS} run(s):`);
    say(renderTable(
      ['measurement', 'wall', 'wall min – max', 'CPU user+sys', 'peak RSS', 'peak min – max'],
      [
        largeRow('full report --by agent --period week', large.report, ONLY.has('report') && large.report.length > 0, ONLY.has('report') ? 'FAILED' : 'not run'),
        largeRow('the same, --threads 1', large.oneThread, ONLY.has('report') && large.oneThread.length > 0, ONLY.has('report') ? 'FAILED' : 'not run'),
        largeRow('bare csv-parse (columns: false)', large.bare, ONLY.has('bare') && large.bare.length > 0, ONLY.has('bare') ? 'FAILED' : 'not run'),
        largeRow('bare scan (our tokenizer, fields as strings)', large.scan, ONLY.has('bare') && large.scan.length > 0, ONLY.has('bare') ? 'FAILED' : 'not run'),
        largeRow(duckName, large.duckdb, large.duckdb.length > 0, duckWhy),
      ],
    ));
    for (const note of notes) say(`  ${note}`);
    say();
    say(renderTable(
      ['ratio', 'wall', 'CPU'],
      [
        ['report / bare parse', fmtRatio(ratioOf(reportWall, bareWall)), fmtRatio(ratioOf(reportCpu, bareCpu))],
        ['report / bare scan', fmtRatio(ratioOf(reportWall, scanWall)), fmtRatio(ratioOf(reportCpu, scanCpu))],
        ['report / DuckDB', fmtRatio(ratioOf(reportWall, duckWall)), fmtRatio(ratioOf(reportCpu, duckCpu))],
        ['report --threads 1 / DuckDB', fmtRatio(ratioOf(oneThreadWall, duckWall)), fmtRatio(ratioOf(oneThreadCpu, duckCpu))],
        ['DuckDB CPU / its wall (cores kept busy)', duckWall && duckCpu ? fmtX(duckCpu.med / duckWall.med) : 'n/a'],
        ['report CPU / its wall', reportWall && reportCpu ? fmtX(reportCpu.med / reportWall.med) : 'n/a'],
      ],
    ));
    say();
  }

  let nodeMs = null;
  let smallRatio = null;
  let helpRatio = null;
  if (startup.length) {
    nodeMs = stat(startup[0].runs);
    say(`start-up, median of ${STARTUP_RUNS} run(s) each, wall time only:`);
    say(renderTable(
      ['start-up', 'median', 'min – max', '× node -e 0'],
      startup.map((s) => {
        const t = stat(s.runs);
        const ratio = ratioOf(t, nodeMs);
        if (s.name === 'support-metrics --help') helpRatio = ratio;
        if (s.result?.input.rows === 3000) smallRatio = ratio;
        return [s.name, med(t, fmtMs), range(t, fmtMs), s === startup[0] ? '' : fmtRatio(ratio)];
      }),
    ));
    say();
  }

  if (distinct) {
    const r = distinct.run;
    const finished = r.code === 0 && !r.timedOut;
    const outcome = finished ? 'finished' : distinct.refused ? 'refused: more groups than --max-groups (exit 3, one line)' : r.timedOut ? `TIMED OUT after ${DISTINCT_TIMEOUT_S} s (--distinct-timeout)` : describeFailure(r).split('\n')[0];
    say(`one agent per ticket (${rel(distinct.input.path)}, ${(distinct.input.bytes / 1e6).toFixed(1)} MB), one run:`);
    say(renderTable(
      ['measurement', 'wall', 'CPU user+sys', 'peak RSS', 'report JSON', 'outcome'],
      [[
        `report --by agent --period week, ${fmtInt(DISTINCT_ROWS)} tickets`,
        fmtS(r.seconds),
        r.cpuSeconds === null ? 'n/a' : fmtS(r.cpuSeconds),
        r.rssKiB === null ? 'n/a' : `${fmtMiB(r.rssKiB)}${r.timedOut ? ' when stopped' : ''}`,
        distinct.outBytes === null || !finished ? 'n/a' : `${(distinct.outBytes / 1e6).toFixed(1)} MB`,
        outcome,
      ]],
    ));
    say();
  }

  if (fillers.length) {
    say(renderTable(
      ['filler', 'median', 'min – max'],
      fillers.map((f) => {
        const t = stat(f.runs);
        return [f.name, med(t, fmtS), range(t, fmtS)];
      }),
    ));
    say();
  }

  if (jsonInputs.length) {
    const row = (name, runs) => (runs.length === 0 ? [name, 'FAILED'] : timingRow(name, runs));
    say(`${fmtInt(ROWS)} tickets as NDJSON and as a JSON array (the generator's, seed ${SEED}); median of ${RUNS} run(s):`);
    say(renderTable(
      ['measurement', 'wall', 'wall min – max', 'CPU user+sys', 'peak RSS', 'peak min – max'],
      jsonInputs.flatMap((j) => [
        row(`report, ${j.title} (${(j.input.bytes / 1e6).toFixed(1)} MB)`, j.report),
        row('the same, --threads 1', j.oneThread),
      ]),
    ));
    say();
  }

  // ------------------------------------------------ targets
  const targets = [];
  if (ONLY.has('report') && ONLY.has('duckdb')) {
    const ratio = ratioOf(reportWall, duckWall);
    targets.push([`report ≤ ${TARGET_DUCKDB_RATIO.toFixed(1)}× DuckDB wall (15)`, fmtRatio(ratio), verdict(ratio === null ? null : ratio <= TARGET_DUCKDB_RATIO)]);
  }
  if (ONLY.has('report')) {
    targets.push([`report peak RSS ≤ ${TARGET_PEAK_MIB} MiB (15)`, med(reportPeak, fmtMiB), verdict(reportPeak ? reportPeak.med / 1024 <= TARGET_PEAK_MIB : null)]);
  }
  if (startup.length) {
    targets.push([`report, 3,000 tickets ≤ ${TARGET_SMALL_RATIO}× node -e 0 (15)`, fmtRatio(smallRatio), verdict(smallRatio === null ? null : smallRatio <= TARGET_SMALL_RATIO)]);
  }
  if (distinct) {
    const r = distinct.run;
    const finished = (r.code === 0 || distinct.refused) && !r.timedOut;
    const measured = finished ? `${distinct.refused ? 'refused by --max-groups, ' : ''}${r.rssKiB === null ? 'n/a' : fmtMiB(r.rssKiB)}` : `did not finish (${r.timedOut ? 'timed out' : outOfMemory(r) ? 'out of memory' : 'failed'}${r.rssKiB === null ? '' : `, ${fmtMiB(r.rssKiB)}${r.timedOut ? ' when stopped' : ''}`})`;
    targets.push([`${fmtInt(DISTINCT_ROWS)} distinct agents < 1 GiB (15)`, measured, verdict(finished ? (r.rssKiB === null ? null : r.rssKiB / 1024 < TARGET_DISTINCT_MIB) : false)]);
  }
  if (startup.length) {
    targets.push([`--help ≤ ${TARGET_HELP_RATIO}× node -e 0 (2)`, fmtRatio(helpRatio), verdict(helpRatio === null ? null : helpRatio <= TARGET_HELP_RATIO)]);
  }
  if (targets.length) {
    const partial = (ONLY.has('report') && ROWS !== 1_000_000) || (distinct && DISTINCT_ROWS !== 1_000_000);
    say(`targets (issue)${partial ? ', the issue\'s are for 1,000,000 tickets:' : ':'}`);
    say(renderTable(['target', 'measured', 'met?'], targets));
    say();
  }

  // ------------------------------------------------ identical results
  if (results.length) {
    say('results (sha256 of each report JSON):');
    const entries = [];
    for (const result of results) {
      const check = checkResult(result, reference);
      say(`  ${check.line}`);
      if (!check.ok) checksFailed = true;
      if (check.entry) entries.push(check.entry);
    }
    if (UPDATE_REFERENCE) {
      if (entries.length) {
        const written = writeReference(reference, entries);
        say(`  wrote ${written} entr${written === 1 ? 'y' : 'ies'} to ${rel(REFERENCE)} (--update-reference)`);
      } else say(`  ${rel(REFERENCE)} not updated: no case gave one agreed digest`);
    }
    say();
  }

  // Sanity: the children saw the same data.
  if (reportSummary?.input) {
    const { records, rejected, duplicates } = reportSummary.input;
    say(`check:    the report used ${fmtInt(records)} records, rejected ${fmtInt(rejected)}, de-duplicated ${fmtInt(duplicates)} (sum ${fmtInt(records + rejected + duplicates)}), ${fmtInt(reportSummary.rows ?? 0)} rows over ${reportSummary.range?.from} – ${reportSummary.range?.to}`);
    if (bareRecords !== null) {
      say(`          the bare parse read ${fmtInt(bareRecords)} records${bareRecords === records + rejected + duplicates ? '' : ': the sums differ (a multi-line record, or a record the report skips?)'}`);
    }
  } else if (reportSummary?.error) {
    say(`check:    could not read ${reportOut}: ${reportSummary.error}`);
  }
  if (duckdbInfo?.installed) {
    say(`          DuckDB counted ${fmtInt(duckdbInfo.tickets)} records in ${fmtInt(duckdbInfo.groups)} agent-weeks (${rel(join(DATA_DIR, duckdbOut))}): duplicates kept, and only the records without an id or a readable created_at left out (see bench/duckdb.mjs)`);
  }
  if (duckdbError) failures.push(`DuckDB: ${duckdbError}`);
  if (failures.length) {
    say();
    say(`FAILURES (${failures.length}):`);
    for (const f of failures) say(`  - ${f}`);
  }
  // The bench keeps about one core busy, DuckDB two; a wide spread between runs, or more load than
  // that, means something else was competing for the CPU.
  const noisy = [['bare parse', bareWall], ['full report', reportWall], ['DuckDB', duckWall], ['node -e 0', nodeMs]]
    .filter(([, s]) => s && s.max / s.min > 1.2)
    .map(([name, s]) => `${name} ${fmtX(s.max / s.min)}`);
  const loadEnd = os.loadavg()[0];
  if (noisy.length || loadEnd > 1.5) {
    say(`noise:    ${noisy.length ? `max/min spread ${noisy.join(', ')}; ` : ''}1-min load ${loadEnd.toFixed(2)} on ${cpus.length} cores: other processes probably shared the CPU; re-run on an idle machine before trusting the figures`);
  }
  say(`load:     ${loadNow()} (1/5/15 min) at end`);
  say(`total:    bench took ${fmtS(Number(process.hrtime.bigint() - benchStart) / 1e9)}`);
  return checksFailed ? 3 : 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`bench: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
