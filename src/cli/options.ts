import { z } from 'zod';
import type { Settings } from '../config/config.js';
import { ATTRIBUTIONS, type Attribution } from '../engine/attribution.js';
import { UsageError } from '../errors.js';
import { delimiterFromFlag, INPUT_ENCODINGS, INPUT_FORMATS, type Delimiter, type InputEncoding, type InputFormat } from '../io/input-formats.js';
import { METRICS } from '../metrics/index.js';
import type { Metric } from '../metrics/types.js';
import { formatOfPath, OUTPUT_FORMATS, REJECTS_EXTENSIONS, REPORT_EXTENSIONS, type OutputFormat, type RejectsFormat } from '../render/formats.js';
import { DIMENSIONS, TICKET_FIELDS, type Dimension, type TicketField } from '../schema/fields.js';
import { isPlainDate, PERIODS, startOfDate, type Period } from '../time/periods.js';
import { parseTimestamp } from '../time/timestamp.js';
import { validateTimeZone, wallTimeReader } from '../time/zone.js';
import { didYouMean } from './suggest.js';
import { MAX_RECORD_SIZE_LIMIT } from '../io/read-options.js';
import { DATE_ORDER_CHOICES } from '../dialect/date-orders.js';
import type { ColumnMapping } from '../dialect/dialect.js';
import { PRESET_NAMES, type PresetName } from '../presets/names.js';

/** Flags every command that reads tickets has, as commander hands them over. */
export interface InputFlags {
  preset?: string;
  map?: string;
  dateFormat?: string;
  tz?: string;
  inputTz?: string;
  inputFormat?: string;
  delimiter?: string;
  encoding?: string;
  strict?: boolean;
  rejects?: string;
  maxRejects?: string;
  maxRecordSize?: string;
  output?: string;
  config?: string;
  verbose?: boolean;
}

/** The report command's flags, before validation. */
export interface ReportFlags extends InputFlags {
  period?: string;
  by?: string;
  from?: string;
  to?: string;
  format?: string;
  metrics?: string;
  attribution?: string;
}

export interface InputOptions {
  /** Read CSV exports with this preset (else one is recognised per file from its header). */
  preset?: PresetName;
  /** --map and the config's columns/values, laid over the preset (or the canonical names). */
  mapping?: ColumnMapping;
  dateOrder?: 'DMY' | 'MDY';
  zone: string;
  inputZone: string;
  inputFormat?: InputFormat;
  /** The CSV delimiter; else detected per file. */
  delimiter?: Delimiter;
  /** The text encoding of every input; else UTF-8, or UTF-16 by its byte order mark. */
  encoding?: InputEncoding;
  strict: boolean;
  /** Write every rejected record to this file, in the format its extension names. */
  rejects?: { path: string; format: RejectsFormat };
  /** Fail (exit 3) when more records than this are rejected. */
  maxRejects?: RejectLimit;
  /** The largest record read, in bytes (else the reader's default). */
  maxRecordSize?: number;
  output?: string;
  /** Print what was understood of each file (the inspect summary) on stderr. */
  verbose: boolean;
  churnTags: string[];
  sla: Settings['sla'];
  /** The config file the settings came from, if one was read: an input, never an output. */
  configFile?: string;
}

export interface ReportOptions extends InputOptions {
  period: Period;
  by: Dimension[];
  from?: number;
  to?: number;
  format: OutputFormat;
  metrics: Metric[];
  attribution: Attribution;
}

const oneOf = <T extends string>(values: readonly T[]) =>
  z.enum(values as [T, ...T[]], { error: (issue) => `${JSON.stringify(issue.input)} is not one of ${values.join(', ')}` });

const commaList = z.string().transform((text) => text.split(',').map((d) => d.trim()).filter((d) => d !== ''));
const repeated = (list: readonly string[]): string | undefined => list.find((item, i) => list.indexOf(item) !== i);
const noRepeats = (what: string) => ({ error: (issue: { input: unknown }) => `names ${what} "${repeated(issue.input as string[])}" twice` });

const METRIC_IDS = METRICS.map((m) => m.meta.id);

const fieldMap = z
  .string()
  .transform((text, ctx) => {
    const map: Partial<Record<TicketField, string>> = {};
    for (const pair of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      const at = pair.indexOf('=');
      const field = pair.slice(0, at < 0 ? undefined : at).trim();
      const header = at < 0 ? '' : pair.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
      if (!(TICKET_FIELDS as readonly string[]).includes(field)) {
        ctx.addIssue({ code: 'custom', message: `"${field}" is not a ticket field${didYouMean(field, TICKET_FIELDS)}; write field=Header, e.g. created_at="Opened On"` });
        return z.NEVER;
      }
      if (header === '') {
        ctx.addIssue({ code: 'custom', message: `${field}: no header after "=" (write ${field}=Header)` });
        return z.NEVER;
      }
      if (map[field as TicketField] !== undefined) {
        ctx.addIssue({ code: 'custom', message: `${field} is given twice ("${map[field as TicketField]}" and "${header}"); a field reads one column` });
        return z.NEVER;
      }
      map[field as TicketField] = header;
    }
    return map;
  });

const delimiterFlag = z.string().transform((text, ctx) => {
  const delimiter = delimiterFromFlag(text);
  if (delimiter === undefined) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not one of , ; | tab` });
    return z.NEVER;
  }
  return delimiter;
});

/**
 * --max-rejects: a count of records (`50`) or a share of the records read (`2%`, `18.4%`), the
 * share kept as the decimal it was written as (`18.4%` = 184 / 10 per cent), so that comparing
 * it is exact.
 */
export type RejectLimit = { count: number; text: string } | { percent: { units: bigint; scale: bigint }; text: string };

const rejectLimit = z.string().transform((text, ctx): RejectLimit => {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { count: Number(trimmed), text: trimmed };
  const percent = /^(\d+)(?:\.(\d+))?\s*%$/.exec(trimmed);
  if (percent !== null && Number(`${percent[1]}.${percent[2] ?? ''}`) <= 100) {
    const decimals = percent[2] ?? '';
    return { percent: { units: BigInt(percent[1]! + decimals), scale: 10n ** BigInt(decimals.length) }, text: `${trimmed.replace(/\s+/g, '')}` };
  }
  ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not a number of records (e.g. 50) or a percentage from 0% to 100% (e.g. 2%)` });
  return z.NEVER;
});

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2 };

/** --max-record-size: bytes, or with a K or M suffix (KiB, MiB: 1,024 and 1,048,576 bytes). */
const byteSize = z.string().transform((text, ctx) => {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match === null ? undefined : SIZE_UNITS[match[2]!.toLowerCase()];
  const bytes = match === null || unit === undefined ? NaN : Number(match[1]) * unit;
  if (!(bytes >= 1024 && bytes <= MAX_RECORD_SIZE_LIMIT)) {
    const limit = `${MAX_RECORD_SIZE_LIMIT / 1024 ** 2}M`;
    const why = bytes > MAX_RECORD_SIZE_LIMIT ? ` (a record is held as one string, and larger ones cannot be)` : '';
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not a size from 1K to ${limit}${why} (e.g. 8M, 512K or 100000 bytes)` });
    return z.NEVER;
  }
  return bytes;
});

const inputShape = {
  preset: oneOf(PRESET_NAMES).optional(),
  map: fieldMap.optional(),
  dateFormat: oneOf(DATE_ORDER_CHOICES).optional(),
  tz: z.string().min(1).optional(),
  inputTz: z.string().min(1).optional(),
  inputFormat: oneOf(INPUT_FORMATS).optional(),
  delimiter: delimiterFlag.optional(),
  encoding: oneOf(INPUT_ENCODINGS).optional(),
  strict: z.boolean().default(false),
  rejects: z
    .string()
    .min(1)
    .refine((path) => path !== '-', 'give a file name; standard output carries the report')
    .transform((path) => ({ path, format: formatOfPath('--rejects', path, REJECTS_EXTENSIONS) }))
    .optional(),
  maxRejects: rejectLimit.optional(),
  maxRecordSize: byteSize.optional(),
  output: z.string().min(1).optional(),
  config: z.string().optional(),
  verbose: z.boolean().default(false),
};

const inputSchema = z.strictObject(inputShape);

const reportSchema = z.strictObject({
  ...inputShape,
  period: oneOf(PERIODS).default('week'),
  by: commaList.pipe(z.array(oneOf(DIMENSIONS))).refine((list) => repeated(list) === undefined, noRepeats('the dimension')).default([]),
  from: z.string().optional(),
  to: z.string().optional(),
  format: oneOf(OUTPUT_FORMATS).optional(),
  metrics: commaList
    .pipe(
      z.array(
        z.string().refine((id) => METRIC_IDS.includes(id), {
          error: (issue) => `"${String(issue.input)}" is not a metric${didYouMean(String(issue.input), METRIC_IDS)}; \`support-metrics metrics\` lists them`,
        }),
      ),
    )
    .refine((ids) => ids.length > 0, 'names no metric')
    .refine((list) => repeated(list) === undefined, noRepeats('the metric'))
    .optional(),
  attribution: oneOf(ATTRIBUTIONS).default('event'),
});

const flagName = (key: PropertyKey | undefined): string =>
  `--${String(key ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function parseFlags<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new UsageError(`${flagName(issue.path[0])}: ${issue.message}`);
}

/** A --from/--to bound: a date (start of that day) or a timestamp, read in the report zone. */
function readBound(text: string, zone: string, flag: string): number {
  const value = text.trim();
  let epoch = Number.NaN;
  if (isPlainDate(value)) {
    try {
      epoch = startOfDate(value, zone);
    } catch {
      // an impossible date such as 2026-02-30: reported below
    }
  } else {
    epoch = parseTimestamp(value, wallTimeReader(zone));
  }
  if (Number.isNaN(epoch)) throw new UsageError(`${flag}: "${text}" is not a date (2026-03-02) or a timestamp (2026-03-02T09:00:00Z)`);
  return epoch;
}

/** The user's own mapping: --map on top of the config's columns and values; none when neither is given. */
function mappingOf(map: Partial<Record<TicketField, string>> | undefined, settings: Settings): ColumnMapping | undefined {
  if (map === undefined && Object.keys(settings.columns).length === 0 && Object.keys(settings.values).length === 0) return undefined;
  return { columns: { ...settings.columns, ...map }, values: settings.values };
}

/** Flags override the config file, which overrides the defaults (UTC; input zone = report zone). */
function inputOptions(flags: z.infer<typeof inputSchema>, settings: Settings): InputOptions {
  const zone = flags.tz !== undefined ? validateTimeZone(flags.tz, '--tz') : validateTimeZone(settings.timezone ?? 'UTC', `${settings.source}: timezone`);
  const inputZone =
    flags.inputTz !== undefined
      ? validateTimeZone(flags.inputTz, '--input-tz')
      : settings.inputTimezone !== undefined
        ? validateTimeZone(settings.inputTimezone, `${settings.source}: inputTimezone`)
        : zone;
  return {
    preset: flags.preset,
    mapping: mappingOf(flags.map, settings),
    dateOrder: flags.dateFormat,
    zone,
    inputZone,
    inputFormat: flags.inputFormat,
    delimiter: flags.delimiter,
    encoding: flags.encoding,
    strict: flags.strict,
    rejects: flags.rejects,
    maxRejects: flags.maxRejects,
    maxRecordSize: flags.maxRecordSize,
    output: flags.output,
    verbose: flags.verbose,
    churnTags: settings.churnTags,
    sla: settings.sla,
    configFile: settings.file,
  };
}

export function parseInputOptions(raw: InputFlags, settings: Settings): InputOptions {
  return inputOptions(parseFlags(inputSchema, raw), settings);
}

/** Validates the report flags; every problem is a UsageError naming the flag. */
export function parseReportOptions(raw: ReportFlags, settings: Settings): ReportOptions {
  const flags = parseFlags(reportSchema, raw);
  const common = inputOptions(flags, settings);
  const from = flags.from === undefined ? undefined : readBound(flags.from, common.zone, '--from');
  const to = flags.to === undefined ? undefined : readBound(flags.to, common.zone, '--to');
  if (from !== undefined && to !== undefined && !(from < to)) {
    throw new UsageError(`--from (${flags.from}) must be before --to (${flags.to})`);
  }
  const format = flags.format ?? (flags.output === undefined || flags.output === '-' ? 'table' : formatOfPath('--output', flags.output, REPORT_EXTENSIONS, '--format'));
  const metrics = flags.metrics === undefined ? [...METRICS] : METRICS.filter((m) => flags.metrics!.includes(m.meta.id));
  return { ...common, period: flags.period, by: flags.by, from, to, format, metrics, attribution: flags.attribution };
}
