import type { CommandIO } from '../cli/command-io.js';
import { parseFlags } from '../cli/options.js';
import { didYouMean } from '../cli/suggest.js';
import { UsageError } from '../errors.js';
import { standardOutput } from '../io/standard-output.js';
import { METRICS, metricById } from '../metrics/index.js';
import { renderCatalogue, renderCatalogueJson, renderMetricExplanation } from '../render/catalogue.js';

/** `support-metrics metrics [ID]`: the catalogue, or one metric explained with its worked example. */
export async function runMetrics(id: string | undefined, raw: Record<string, unknown>, io: CommandIO): Promise<void> {
  const flags = parseFlags('metrics', raw);
  const metrics = id === undefined ? METRICS : [metricById(id)];
  if (metrics[0] === undefined) {
    throw new UsageError(`"${id}" is not a metric${didYouMean(id!, METRICS.map((m) => m.meta.id))}; \`support-metrics metrics\` lists them`);
  }
  const found = metrics as typeof METRICS;
  const text = flags.format === 'json' ? renderCatalogueJson(found) : id === undefined ? renderCatalogue(found) : renderMetricExplanation(found[0]!);
  await standardOutput(io.stdout).write(text);
}
