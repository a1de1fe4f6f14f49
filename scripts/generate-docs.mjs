// Writes docs/metrics.md from the metric modules and schema/support-metrics.config.schema.json from
// the config's zod schema (run `npm run build` first; `npm run docs` does both). Tests fail when
// either committed file is out of date.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/config/json-schema.js';
import { METRICS } from '../dist/metrics/index.js';
import { renderMetricsDoc } from '../dist/render/metrics-doc.js';

for (const [path, text] of [
  ['../docs/metrics.md', renderMetricsDoc(METRICS)],
  ['../schema/support-metrics.config.schema.json', configJsonSchema()],
]) {
  const target = new URL(path, import.meta.url);
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
