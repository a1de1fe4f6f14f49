// bench/maxrss.mjs: fallback resource probe for bench/run.mjs, used only when
// /usr/bin/time is absent (or with --rss node). Preloaded into the measured
// process with `node --import <this file> …`; at exit it writes one line to the
// file named by SUPPORT_METRICS_BENCH_RSS_FILE in the shape of
// `/usr/bin/time -f '%e %U %S %M'`: elapsed, user and system CPU seconds, and
// the peak RSS in KiB (process.resourceUsage(): every thread of the process,
// DuckDB's workers included). It writes nothing to stdout or stderr.

import { writeFileSync } from 'node:fs';

const out = process.env.SUPPORT_METRICS_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      const seconds = (micros) => (micros / 1e6).toFixed(2);
      writeFileSync(out, `${process.uptime().toFixed(2)} ${seconds(usage.userCPUTime)} ${seconds(usage.systemCPUTime)} ${usage.maxRSS}\n`);
    } catch {
      // A probe must never change the measured process's outcome.
    }
  });
}
