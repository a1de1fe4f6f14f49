import type { Metric } from '../metrics/types.js';
import { columnsText, directionText, exampleText, PLACEMENT_TEXT, UNIT_TEXT } from './metrics-doc.js';

/** `support-metrics metrics`: every metric, its unit, placement, columns and definition. */
export function renderCatalogue(metrics: readonly Metric[]): string {
  const blocks = metrics.map(({ meta }) =>
    [
      `${meta.id} — ${meta.title}`,
      `  unit: ${meta.unit} · placed by: ${PLACEMENT_TEXT[meta.placement]} · columns: ${columnsText(meta).replace(/`/g, '')}`,
      `  ${meta.definition}`,
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n\nsupport-metrics metrics ID explains one metric with a worked example.\n`;
}

/** `support-metrics metrics ID`: the full definition and the worked example. */
export function renderMetricExplanation({ meta }: Metric): string {
  return [
    `${meta.id} — ${meta.title}`,
    '',
    meta.definition,
    ...(meta.notes === undefined ? [] : ['', meta.notes]),
    '',
    `Unit:        ${UNIT_TEXT[meta.unit].replace(/`/g, '')}`,
    `Placed by:   ${PLACEMENT_TEXT[meta.placement]}`,
    `Columns:     ${columnsText(meta).replace(/`/g, '')}`,
    `Better when: ${directionText(meta.higherIsBetter)}`,
    '',
    'Worked example',
    '',
    exampleText(meta).replace(/`/g, ''),
    '',
  ].join('\n');
}

/** The catalogue as JSON, for tools: the metadata without code. */
export function renderCatalogueJson(metrics: readonly Metric[]): string {
  return `${JSON.stringify(
    metrics.map(({ meta }) => {
      const { unavailable: _unavailable, ...data } = meta;
      return data;
    }),
    null,
    2,
  )}\n`;
}
