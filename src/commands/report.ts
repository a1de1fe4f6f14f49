import type { CommandIO } from '../cli/command-io.js';
import { parseFlags, reportRunOf } from '../cli/options.js';
import { unreadColumns } from '../engine/columns-read.js';
import { computeReport } from '../engine/compute.js';
import { eventSpan, resolveRange } from '../engine/range.js';
import { readConfig } from '../config/load-config.js';
import { METRICS } from '../metrics/index.js';
import { GoalsFailed, UsageError } from '../errors.js';
import type { Report } from '../report/types.js';
import { cleanText } from '../render/clean-text.js';
import { renderPieces } from '../render/index.js';
import { readValidTickets, withRunOutputs } from './ticket-input.js';

/** `support-metrics report FILES…`: options → outputs opened → read → validate → compute → render → write. */
export async function runReport(files: string[], raw: Record<string, unknown>, io: CommandIO): Promise<void> {
  const settings = await readConfig(raw.config as string | undefined);
  const run = reportRunOf(parseFlags('report', raw, { metricIds: METRICS.map((m) => m.meta.id) }), settings, METRICS);
  const summaryFile = io.env?.GITHUB_STEP_SUMMARY;
  if (run.stepSummary && (summaryFile === undefined || summaryFile === '')) {
    throw new UsageError('--step-summary appends to the file GITHUB_STEP_SUMMARY names, and it is not set (GitHub Actions sets it in every job step)');
  }
  let report: Report | undefined;
  await withRunOutputs(files, run, io, async ({ result, rejects }) => {
    const input = await readValidTickets(files, run, io, rejects, unreadColumns(run.compute));
    const { store, files: accounts } = input;
    const nameTicket = (slot: number): string => `ticket ${store.idOf(slot)} in ${accounts[store.sourceFile[slot]!]!.path}`;
    const range = resolveRange(eventSpan(store)!, run.compute.period, run.zone, run.compute, nameTicket);
    report = computeReport(input, { ...run.compute, range });
    for (const piece of await renderPieces(report, run.format, { color: run.format === 'table' && run.output === undefined && io.color, charts: run.charts })) await result.write(piece);
  });
  // The job summary, independently of where the report went (read from the environment at the edge).
  if (run.stepSummary) {
    const [{ appendToFile }, { renderStepSummary }] = await Promise.all([import('../io/append-file.js'), import('../render/markdown.js')]);
    const where = run.output === undefined || run.output === '-' ? "the job's log (standard output)" : run.output;
    await appendToFile(summaryFile!, `${renderStepSummary(report!, { fullReport: where })}\n`, 'GITHUB_STEP_SUMMARY');
  }
  // Once the report is written in full: its alerts on stderr when it went to a file (a CI log shows
  // them; not with --quiet), the failed goals (always), and exit 4 for those of level error. Their
  // wording is loaded only when there is something to say.
  const alertsOnStderr = run.output !== undefined && run.output !== '-' && !run.quiet;
  if ((alertsOnStderr && report!.alerts.length > 0) || report!.goals.length > 0) {
    const { alertText, failedGoalLines } = await import('../render/review.js');
    if (alertsOnStderr) for (const alert of report!.alerts) io.stderr.write(`alert: ${cleanText(alertText(alert))}\n`);
    for (const line of failedGoalLines(report!)) io.stderr.write(`${cleanText(line)}\n`);
  }
  const failed = report!.goals.filter((g) => g.passed === false && g.level === 'error').length;
  if (failed > 0) throw new GoalsFailed(`${failed === 1 ? '1 goal' : `${failed} goals`} of level error failed (the report is written)`);
}
