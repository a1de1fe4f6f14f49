// bench/maxrss.mjs: fallback peak-memory probe for bench/run.mjs, used only
// when /usr/bin/time is absent. Preloaded into the measured process with
// `node --import <this file> …`; at exit it writes the process's peak RSS in
// KiB (process.resourceUsage().maxRSS) to the file named by
// SUPPORT_METRICS_BENCH_RSS_FILE. It writes nothing to stdout or stderr.

import { writeFileSync } from 'node:fs';

const out = process.env.SUPPORT_METRICS_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      writeFileSync(out, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // A probe must never change the measured process's outcome.
    }
  });
}
