import type { StaffingReport } from '../engine/staffing.js';
import { alignedLines } from './aligned-lines.js';
import { HOURS, WEEKDAYS } from './coverage.js';
import { stringifyCsv } from './csv-cells.js';
import { cleanText, formatCount, formatDuration, formatPercent } from './format.js';
import { jsonDocument } from './json.js';
import { escapeCell } from './markdown-text.js';
import type { OutputFormat } from './output-formats.js';

/** The agents each weekday-hour needs, as a grid, with the target, the handle time and the week's totals. Presentation only. */

function summaryLines(report: StaffingReport): string[] {
  const { target, aht } = report;
  const filter = report.filter.where.map(({ key, values }) => `${key} ${values.join(' or ')}`).join('; ');
  const busiest = report.busiest;
  return [
    `Staffing: agents per weekday and hour (${report.timezone}) to answer ${formatPercent(target.share)} within ${target.withinSeconds} s, at most ${formatPercent(report.maxOccupancy)} occupancy (Erlang C)`,
    `Range ${report.range.from} to ${report.range.to} (end exclusive)${filter === '' ? '' : `; filter: ${filter} (${formatCount(report.filter.matched)} tickets)`}`,
    `Handle time: ${formatDuration(aht.seconds)} (${aht.from === 'option' ? '--aht' : `mean handle_time of ${formatCount(aht.contacts)} contacts`})`,
    busiest === null
      ? 'No arrivals: no agent needed'
      : `Busiest: ${WEEKDAYS[busiest.weekday - 1]} ${HOURS[busiest.hour]}:00, ${formatCount(busiest.agents)} agents and ${busiest.leads.fewest}–${busiest.leads.most} team leads (one per ${report.span.min}–${report.span.max} agents)`,
    `A week: ${formatCount(report.agentHoursPerWeek)} agent-hours = ${report.fullTimeEquivalents.toFixed(1)} full-time agents at ${report.hoursPerFte} h a week`,
  ];
}

function agentRows(report: StaffingReport): string[][] {
  return WEEKDAYS.map((day, i) => [day, ...report.cells.slice(i * 24, i * 24 + 24).map((c) => String(c.agents))]);
}

export function renderStaffing(report: StaffingReport, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return jsonDocument(report);
    case 'csv':
      return stringifyCsv([
        ['weekday', 'hour', 'arrivals', 'aht', 'agents', 'leads_fewest', 'leads_most', 'service_level', 'occupancy'],
        ...report.cells.map((c) => [c.weekday, c.hour, c.arrivals, c.aht, c.agents, c.leads.fewest, c.leads.most, c.service_level, c.occupancy]),
      ]);
    case 'markdown':
      return `${[
        '# Staffing',
        '',
        ...summaryLines(report).map((line) => `- ${escapeCell(line)}`),
        '',
        `| Day | ${HOURS.join(' | ')} |`,
        `| --- | ${HOURS.map(() => '---:').join(' | ')} |`,
        ...agentRows(report).map((cells) => `| ${cells.join(' | ')} |`),
        '',
      ].join('\n')}`;
    case 'table':
      return `${[...summaryLines(report).map((line) => cleanText(line)), '', 'Agents per weekday and hour', ...alignedLines([['', ...HOURS], ...agentRows(report)], [false, ...HOURS.map(() => true)])].join('\n')}\n`;
  }
}
