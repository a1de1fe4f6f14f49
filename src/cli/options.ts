import { z } from 'zod';
import { UsageError } from '../errors.js';
import { INPUT_FORMATS, type InputFormat } from '../io/input-formats.js';
import { formatFromOutputPath, OUTPUT_FORMATS, type OutputFormat } from '../render/formats.js';
import { DIMENSIONS, type Dimension } from '../schema/fields.js';
import { isPlainDate, PERIODS, startOfDate, type Period } from '../time/periods.js';
import { parseTimestamp } from '../time/timestamp.js';
import { validateTimeZone, wallTimeReader } from '../time/zone.js';

/** The report command's flags as commander hands them over, before validation. */
export interface ReportFlags {
  period?: string;
  by?: string;
  tz?: string;
  inputTz?: string;
  from?: string;
  to?: string;
  format?: string;
  output?: string;
  strict?: boolean;
  inputFormat?: string;
}

export interface ReportOptions {
  period: Period;
  by: Dimension[];
  zone: string;
  inputZone: string;
  from?: number;
  to?: number;
  format: OutputFormat;
  output?: string;
  strict: boolean;
  inputFormat?: InputFormat;
}

const oneOf = <T extends string>(values: readonly T[]) =>
  z.enum(values as [T, ...T[]], { error: (issue) => `${JSON.stringify(issue.input)} is not one of ${values.join(', ')}` });

const dimensionList = z
  .string()
  .transform((text) => text.split(',').map((d) => d.trim()).filter((d) => d !== ''))
  .pipe(z.array(oneOf(DIMENSIONS)))
  .refine((dims) => new Set(dims).size === dims.length, 'names a dimension twice');

const flagsSchema = z
  .object({
    period: oneOf(PERIODS).default('week'),
    by: dimensionList.default([]),
    tz: z.string().default('UTC'),
    inputTz: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    format: oneOf(OUTPUT_FORMATS).optional(),
    output: z.string().min(1).optional(),
    strict: z.boolean().default(false),
    inputFormat: oneOf(INPUT_FORMATS).optional(),
  })
  .strict();

const flagName = (key: PropertyKey | undefined): string =>
  `--${String(key ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** A --from/--to bound: a date (start of that day) or a timestamp, read in the report zone. */
function readBound(text: string, zone: string, flag: string): number {
  const value = text.trim();
  const epoch = isPlainDate(value) ? safeStartOfDate(value, zone) : parseTimestamp(value, wallTimeReader(zone));
  if (Number.isNaN(epoch)) {
    throw new UsageError(`${flag}: "${text}" is not a date (2026-03-02) or a timestamp (2026-03-02T09:00:00Z)`);
  }
  return epoch;
}

function safeStartOfDate(text: string, zone: string): number {
  try {
    return startOfDate(text, zone);
  } catch {
    return Number.NaN;
  }
}

/** Validates the flags; every problem is a UsageError naming the flag. */
export function parseReportOptions(raw: ReportFlags): ReportOptions {
  const parsed = flagsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${flagName(issue.path[0])}: ${issue.message}`);
  }
  const flags = parsed.data;
  const zone = validateTimeZone(flags.tz, '--tz');
  const inputZone = flags.inputTz === undefined ? zone : validateTimeZone(flags.inputTz, '--input-tz');
  const from = flags.from === undefined ? undefined : readBound(flags.from, zone, '--from');
  const to = flags.to === undefined ? undefined : readBound(flags.to, zone, '--to');
  if (from !== undefined && to !== undefined && !(from < to)) {
    throw new UsageError(`--from (${flags.from}) must be before --to (${flags.to})`);
  }
  const format = flags.format ?? (flags.output === undefined ? undefined : formatFromOutputPath(flags.output)) ?? 'table';
  return {
    period: flags.period,
    by: flags.by,
    zone,
    inputZone,
    from,
    to,
    format,
    output: flags.output,
    strict: flags.strict,
    inputFormat: flags.inputFormat,
  };
}
