#!/usr/bin/env node
// bench/run.mjs: `npm run bench` (which builds first, then runs this).
//
// Times a full `support-metrics report --by agent --period week` over a large
// generated export against a bare csv-parse pass over the same file
// (bench/bare-parse.mjs), and `support-metrics --help` against a bare
// `node -e 0`. Every measured run is its own child process, so each starts
// with a fresh heap and has its own peak memory. Wall time is taken from spawn
// to exit; peak RSS comes from `/usr/bin/time -f '%e %M'` when present, else
// from bench/maxrss.mjs preloaded into the child (process.resourceUsage()).
//
// Targets (issue 2): full report within 1.5x of the bare parse, under 200 MiB
// peak; --help within 1.5x of `node -e 0`. The bench prints whether each one
// was met, as measured, and exits 0 either way: benchmarks inform, they do not
// fail CI. It exits non-zero only on bad usage (2) or when it cannot produce
// the input file at all (1).
//
// Plain ESM for Node >= 20.19; only Node built-ins (bench/bare-parse.mjs uses
// csv-parse, a dependency of the project).
//
// Usage: node bench/run.mjs [--rows N] [--runs K] [--startup-runs M] [--rss time|node]

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = `Usage: node bench/run.mjs [options]   (or: npm run bench -- [options])

Options:
  --rows N           tickets in the generated export (default 1000000)
  --runs K           runs of each large measurement; the median is reported (default 3)
  --startup-runs M   runs of each start-up measurement (default 10)
  --rss MODE         how to measure peak RSS: time (/usr/bin/time) or node
                     (process.resourceUsage() in the child); default: time if present
  -h, --help         show this help

The export is written to bench/.data/tickets-N.csv by scripts/generate-tickets.mjs
(seed 42, default invalid and duplicate rates) and reused when already there.
`;

const TARGET_TIME_RATIO = 1.5;
const TARGET_PEAK_MIB = 200;
const TARGET_STARTUP_RATIO = 1.5;
const TIME_BIN = '/usr/bin/time';
const STDIO_KEEP = 64 * 1024; // bytes of each child's stdout/stderr kept for diagnostics

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
const DATA_DIR = join(BENCH_DIR, '.data');
const CLI = join(ROOT, 'bin', 'support-metrics.js');
const GENERATOR = join(ROOT, 'scripts', 'generate-tickets.mjs');
const BARE_PARSE = join(BENCH_DIR, 'bare-parse.mjs');
const MAXRSS_PROBE = pathToFileURL(join(BENCH_DIR, 'maxrss.mjs')).href;
const REPORT_OUT = join(DATA_DIR, 'report.json');

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
      rss: { type: 'string' },
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
const hasTime = existsSync(TIME_BIN);
if (values.rss !== undefined && values.rss !== 'time' && values.rss !== 'node') usageError(`--rss must be time or node, got "${values.rss}"`);
if (values.rss === 'time' && !hasTime) usageError(`--rss time: ${TIME_BIN} is not installed`);
const RSS_MODE = values.rss ?? (hasTime ? 'time' : 'node');

// ---------------------------------------------------------------- helpers

const rel = (path) => relative(process.cwd(), path) || '.';
const fmtInt = (n) => n.toLocaleString('en-US');
const fmtS = (s) => `${s.toFixed(2)} s`;
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;
const fmtMiB = (kib) => `${(kib / 1024).toFixed(1)} MiB`;
const fmtX = (x) => `${x.toFixed(2)}×`;
const say = (line = '') => process.stdout.write(`${line}\n`);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function keepTail(chunks, chunk) {
  chunks.push(chunk);
  let total = chunks.reduce((n, c) => n + c.length, 0);
  while (total > STDIO_KEEP && chunks.length > 1) total -= chunks.shift().length;
}

/**
 * Runs `node ...args` in a child process and measures it.
 * Returns { code, signal, seconds, rssKiB, stdout, stderr }; rssKiB is null when not measured.
 */
function measure(nodeArgs, { rss = true, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = join(DATA_DIR, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
    let command = process.execPath;
    let args = nodeArgs;
    const env = { ...process.env };
    if (rss && RSS_MODE === 'time') {
      command = TIME_BIN;
      args = ['-f', '%e %M', '-o', rssFile, process.execPath, ...nodeArgs];
    } else if (rss) {
      args = ['--import', MAXRSS_PROBE, ...nodeArgs];
      env.SUPPORT_METRICS_BENCH_RSS_FILE = rssFile;
    }
    const out = [];
    const err = [];
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', quiet ? 'ignore' : 'pipe', quiet ? 'ignore' : 'pipe'] });
    let end = null;
    child.stdout?.on('data', (c) => keepTail(out, c));
    child.stderr?.on('data', (c) => keepTail(err, c));
    child.on('error', reject);
    child.on('exit', () => { end = process.hrtime.bigint(); });
    child.on('close', (code, signal) => {
      const seconds = Number((end ?? process.hrtime.bigint()) - start) / 1e9;
      let rssKiB = null;
      if (rss) {
        try {
          const text = readFileSync(rssFile, 'utf8').trim().split('\n');
          // GNU time writes "Command exited with non-zero status N" above the format line.
          const last = text[text.length - 1].trim().split(/\s+/);
          const kib = Number(last[last.length - 1]);
          if (Number.isFinite(kib) && kib > 0) rssKiB = kib;
        } catch {
          // No figure: reported as n/a.
        }
        rmSync(rssFile, { force: true });
      }
      resolve({
        code, signal, seconds, rssKiB,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

function describeFailure(r) {
  const how = r.signal ? `killed by ${r.signal}` : `exit code ${r.code}`;
  const tail = r.stderr.trim().split('\n').slice(-15).map((l) => `      | ${l}`).join('\n');
  return `${how}${tail ? `\n${tail}` : ''}`;
}

function renderTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- steps

async function ensureData() {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = join(DATA_DIR, `tickets-${ROWS}.csv`);
  if (existsSync(file) && statSync(file).size > 0) {
    say(`input:   reusing ${rel(file)} (delete it to regenerate)`);
    return file;
  }
  const tmp = `${file}.tmp-${process.pid}`;
  say(`input:   generating ${rel(file)} (${fmtInt(ROWS)} rows, seed 42)…`);
  const r = await measure([GENERATOR, '--rows', String(ROWS), '--seed', '42', '--format', 'csv', '--out', tmp], { rss: false });
  if (r.code !== 0) {
    rmSync(tmp, { force: true });
    process.stderr.write(`bench: the generator failed: ${describeFailure(r)}\n`);
    process.exit(1);
  }
  renameSync(tmp, file); // never leave a half-written file to be reused by the next run
  say(`         generated in ${fmtS(r.seconds)}`);
  return file;
}

/** Reads the file once so that the first measured run does not pay for a cold page cache. */
async function warmPageCache(file) {
  const r = await measure(['-e', `require('fs').readFileSync(${JSON.stringify(file)})`], { rss: false, quiet: true });
  return r.seconds;
}

function reportInputSummary() {
  try {
    const report = JSON.parse(readFileSync(REPORT_OUT, 'utf8'));
    return { input: report.input, rows: report.rows?.length, range: report.range };
  } catch (error) {
    return { error: error.message };
  }
}

async function main() {
  const benchStart = process.hrtime.bigint();
  const cpus = os.cpus();
  say(`support-metrics bench: ${fmtInt(ROWS)} tickets, ${RUNS} run(s) per measurement, ${STARTUP_RUNS} per start-up measurement`);
  say(`machine: ${cpus.length} cores (${cpus[0]?.model?.trim() ?? 'unknown CPU'}), Node ${process.version}, ${os.platform()} ${os.arch()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`);
  say(`load:    ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min) at start — other processes may share the CPU`);
  say(`memory:  peak RSS via ${RSS_MODE === 'time' ? `${TIME_BIN} -f '%e %M'` : 'process.resourceUsage().maxRSS (bench/maxrss.mjs)'}`);
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench: dist/ is missing; run `npm run bench` (it builds first) or `npm run build`\n');
    process.exit(1);
  }

  const file = await ensureData();
  const sizeBytes = statSync(file).size;
  const warm = await warmPageCache(file);
  say(`         ${(sizeBytes / 1e6).toFixed(1)} MB; page cache warmed in ${fmtS(warm)}`);
  say();

  // (a) bare parse and (b) full report, interleaved so that a change in the
  // background load hits both alike.
  const reportArgs = [CLI, 'report', file, '--by', 'agent', '--period', 'week', '--format', 'json', '--output', REPORT_OUT];
  const bare = [];
  const full = [];
  const failures = [];
  let bareRecords = null;
  let summary = null;
  for (let i = 1; i <= RUNS; i += 1) {
    const b = await measure([BARE_PARSE, file]);
    if (b.code === 0) {
      bare.push(b);
      try { bareRecords = JSON.parse(b.stdout).records; } catch { /* reported below as n/a */ }
    } else failures.push(`bare parse, run ${i}: ${describeFailure(b)}`);
    rmSync(REPORT_OUT, { force: true });
    const f = await measure(reportArgs);
    if (f.code === 0) {
      full.push(f);
      summary ??= reportInputSummary();
    } else failures.push(`full report, run ${i}: ${describeFailure(f)}`);
    const show = (r) => (r.code === 0 ? `${fmtS(r.seconds)}, ${r.rssKiB === null ? 'n/a' : fmtMiB(r.rssKiB)}` : 'FAILED');
    say(`run ${i}/${RUNS}: bare parse ${show(b)} | full report ${show(f)}`);
  }

  // (c) blank lines against rows of empty fields: a blank line must cost no more than a row
  // (csv-parse made an error object, stack and all, for each blank line it turned into a record).
  const FILLER = 400_000;
  const fillerFile = (name, line) => {
    const path = join(DATA_DIR, `${name}-${FILLER}.csv`);
    if (!existsSync(path)) writeFileSync(path, `id,created_at,agent\nA1,2026-03-02T09:00:00Z,alice\n${line.repeat(FILLER)}A2,2026-03-03T09:00:00Z,bob\n`);
    return path;
  };
  const fillers = [
    [`report, ${fmtInt(FILLER)} blank lines`, fillerFile('blank-lines', '\n')],
    [`report, ${fmtInt(FILLER)} rows of empty fields`, fillerFile('empty-rows', ',,\n')],
  ];
  const fillerRuns = new Map(fillers.map(([name]) => [name, []]));
  for (let i = 0; i < RUNS; i += 1) {
    for (const [name, path] of fillers) {
      const r = await measure([CLI, 'report', path, '--format', 'json', '--output', join(DATA_DIR, 'filler.json')], { rss: false, quiet: true });
      if (r.code === 0) fillerRuns.get(name).push(r.seconds);
      else failures.push(`${name}: ${describeFailure(r)}`);
    }
  }
  say(`filler:  ${RUNS} run(s) each done`);

  // (d) start-up: node -e 0 vs --help (and --version), interleaved, after one warm-up each.
  const startupCases = [
    ['node -e 0', ['-e', '0']],
    ['support-metrics --help', [CLI, '--help']],
    ['support-metrics --version', [CLI, '--version']],
  ];
  const startup = new Map(startupCases.map(([name]) => [name, []]));
  for (const [, args] of startupCases) await measure(args, { rss: false, quiet: true });
  for (let i = 0; i < STARTUP_RUNS; i += 1) {
    for (const [name, args] of startupCases) {
      const r = await measure(args, { rss: false, quiet: true });
      if (r.code === 0) startup.get(name).push(r.seconds * 1000);
      else failures.push(`${name}: ${describeFailure(r)}`);
    }
  }
  say(`start-up: ${STARTUP_RUNS} run(s) each done`);
  say();

  // ------------------------------------------------------------ results
  const stat = (runs, pick) => {
    const xs = runs.map(pick).filter((x) => x !== null);
    return xs.length ? { med: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : null;
  };
  const bareT = stat(bare, (r) => r.seconds);
  const bareM = stat(bare, (r) => r.rssKiB);
  const fullT = stat(full, (r) => r.seconds);
  const fullM = stat(full, (r) => r.rssKiB);
  const nodeMs = stat(startup.get('node -e 0'), (x) => x);
  const helpMs = stat(startup.get('support-metrics --help'), (x) => x);
  const versionMs = stat(startup.get('support-metrics --version'), (x) => x);
  const ratio = bareT && fullT ? fullT.med / bareT.med : null;
  const helpRatio = nodeMs && helpMs ? helpMs.med / nodeMs.med : null;
  const versionRatio = nodeMs && versionMs ? versionMs.med / nodeMs.med : null;

  const range = (s, f) => (s ? `${f(s.min)} – ${f(s.max)}` : '');
  const med = (s, f) => (s ? f(s.med) : 'n/a');
  const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'yes' : 'NO');

  const table = renderTable(
    ['measurement', 'median', 'min – max', 'peak RSS (median)', 'peak min – max'],
    [
      ['rows', fmtInt(ROWS)],
      ['file size', `${(sizeBytes / 1e6).toFixed(1)} MB`],
      ['bare csv-parse (columns: false)', med(bareT, fmtS), range(bareT, fmtS), med(bareM, fmtMiB), range(bareM, fmtMiB)],
      ['full report --by agent --period week', med(fullT, fmtS), range(fullT, fmtS), med(fullM, fmtMiB), range(fullM, fmtMiB)],
      ['ratio report / bare parse', ratio === null ? 'n/a' : fmtX(ratio)],
      ['node -e 0', med(nodeMs, fmtMs), range(nodeMs, fmtMs)],
      ['support-metrics --help', med(helpMs, fmtMs), range(helpMs, fmtMs)],
      ['ratio --help / node -e 0', helpRatio === null ? 'n/a' : fmtX(helpRatio)],
      ['support-metrics --version', med(versionMs, fmtMs), range(versionMs, fmtMs)],
      ['ratio --version / node -e 0', versionRatio === null ? 'n/a' : fmtX(versionRatio)],
      ...fillers.map(([name]) => {
        const t = stat(fillerRuns.get(name), (x) => x);
        return [name, med(t, fmtS), range(t, fmtS)];
      }),
    ],
  );
  say(table);
  say();

  const targets = renderTable(
    ['target', 'measured', 'met?'],
    [
      [`full report ≤ ${TARGET_TIME_RATIO}× bare parse`, ratio === null ? 'n/a' : fmtX(ratio), verdict(ratio === null ? null : ratio <= TARGET_TIME_RATIO)],
      [`full report peak RSS < ${TARGET_PEAK_MIB} MiB`, med(fullM, fmtMiB), verdict(fullM ? fullM.med / 1024 < TARGET_PEAK_MIB : null)],
      [`--help ≤ ${TARGET_STARTUP_RATIO}× node -e 0`, helpRatio === null ? 'n/a' : fmtX(helpRatio), verdict(helpRatio === null ? null : helpRatio <= TARGET_STARTUP_RATIO)],
    ],
  );
  say(targets);
  say();

  // Sanity: both children saw the same data.
  if (summary?.input) {
    const { records, rejected, duplicates } = summary.input;
    const seen = records + rejected + duplicates;
    say(`check:   bare parse read ${bareRecords === null ? 'n/a' : fmtInt(bareRecords)} records; the report used ${fmtInt(records)}, rejected ${fmtInt(rejected)}, de-duplicated ${fmtInt(duplicates)} (sum ${fmtInt(seen)}), ${fmtInt(summary.rows ?? 0)} rows over ${summary.range?.from} – ${summary.range?.to}`);
    if (bareRecords !== null && bareRecords !== seen) say('         note: the sums differ (a multi-line record or a record the report skips?)');
  } else if (summary?.error) {
    say(`check:   could not read ${rel(REPORT_OUT)}: ${summary.error}`);
  }
  if (failures.length) {
    say();
    say(`FAILURES (${failures.length}):`);
    for (const f of failures) say(`  - ${f}`);
  }
  // The bench itself keeps about one core busy; more than that, or a wide spread between runs,
  // means something else was competing for the CPU.
  const noisy = [['bare parse', bareT], ['full report', fullT], ['node -e 0', nodeMs], ['--help', helpMs]]
    .filter(([, s]) => s && s.max / s.min > 1.2)
    .map(([name, s]) => `${name} ${fmtX(s.max / s.min)}`);
  const loadEnd = os.loadavg()[0];
  if (noisy.length || loadEnd > 1.5) {
    say(`noise:   ${noisy.length ? `max/min spread ${noisy.join(', ')}; ` : ''}1-min load ${loadEnd.toFixed(2)} on ${cpus.length} cores: other processes probably shared the CPU; re-run on an idle machine before trusting the ratios`);
  }
  say(`load:    ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min) at end`);
  say(`total:   bench took ${fmtS(Number(process.hrtime.bigint() - benchStart) / 1e9)}`);
}

main().then(
  () => { process.exitCode = 0; },
  (error) => {
    process.stderr.write(`bench: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
