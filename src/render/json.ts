import type { Report } from '../report/types.js';

/** The Report itself. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
