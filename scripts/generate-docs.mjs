// Writes docs/metrics.md from the metric modules (run `npm run build` first; `npm run docs` does both).
import { writeFileSync } from 'node:fs';
import { METRICS } from '../dist/metrics/index.js';
import { renderMetricsDoc } from '../dist/render/metrics-doc.js';

const target = new URL('../docs/metrics.md', import.meta.url);
writeFileSync(target, renderMetricsDoc(METRICS));
console.log(`wrote ${target.pathname}`);
