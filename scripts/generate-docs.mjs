// Writes docs/metrics.md from the metric modules, schema/support-metrics.config.schema.json from
// the config's zod schema, and the generated parts of docs/input.md (the field table) and
// docs/presets.md (the presets) (run `npm run build` first; `npm run docs` does both). Tests fail
// when a committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/config/json-schema.js';
import { METRICS } from '../dist/metrics/index.js';
import { loadPresets } from '../dist/presets/index.js';
import { generatedParts, withGenerated } from '../dist/render/generated-docs.js';
import { renderMetricsDoc } from '../dist/render/metrics-doc.js';

const current = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

for (const [path, text] of [
  ['../docs/metrics.md', renderMetricsDoc(METRICS)],
  ['../schema/support-metrics.config.schema.json', configJsonSchema()],
  ...Object.entries(generatedParts(await loadPresets())).map(([path, parts]) => [`../${path}`, withGenerated(current(`../${path}`), parts)]),
]) {
  const target = new URL(path, import.meta.url);
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
