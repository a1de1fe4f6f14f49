import { DEFAULT_ALERT_SETTINGS } from '../../src/engine/alerts.js';
import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../src/config/config.js';
import { DEFAULT_CHURN_TAGS } from '../../src/config/settings.js';
import { parseDuration } from '../../src/config/duration.js';
import { UsageError } from '../../src/errors.js';

/**
 * settingsFrom: a parsed support-metrics.config.json → the settings a run uses (issue 3: "validated
 * with zod; every error names the key path and what was expected; unknown keys are errors").
 */

const SOURCE = 'support-metrics.config.json';

/** The UsageError settingsFrom throws for `data`. */
function errorOf(data: unknown): UsageError {
  try {
    settingsFrom(data, SOURCE);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`accepted: ${JSON.stringify(data)}`);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('settingsFrom: valid files', () => {
  it('an empty object: the defaults (churn tags cancellation and refund, no SLA policy, no zones)', () => {
    expect(settingsFrom({}, SOURCE)).toEqual({ source: SOURCE, timezone: undefined, inputTimezone: undefined, churnTags: ['cancellation', 'refund'], sla: [], columns: {}, values: {}, dateFormats: {}, goals: [], alerts: DEFAULT_ALERT_SETTINGS, schedules: [], statusValue: expect.any(Function) });
    expect(DEFAULT_CHURN_TAGS).toEqual(['cancellation', 'refund']);
  });

  it("the spec's example: ordered policies, durations in ms, match values lower-cased", () => {
    const settings = settingsFrom(
      {
        $schema: './schema/support-metrics.config.schema.json',
        timezone: 'Europe/Berlin',
        inputTimezone: 'UTC',
        churnTags: ['downgrade'],
        sla: [
          { name: 'Chat', match: { channel: 'chat' }, firstResponse: '2m' },
          { name: 'Urgent', match: { priority: 'urgent' }, firstResponse: '1h', resolution: '8h' },
          { name: 'Default', firstResponse: '24h', resolution: '72h' },
        ],
      },
      SOURCE,
    );
    expect(settings).toEqual({
      source: SOURCE,
      timezone: 'Europe/Berlin',
      inputTimezone: 'UTC',
      churnTags: ['downgrade'],
      sla: [
        { name: 'Chat', clock: 'calendar', match: [{ field: 'channel', values: ['chat'] }], firstResponseMs: 2 * MINUTE, resolutionMs: undefined },
        { name: 'Urgent', clock: 'calendar', match: [{ field: 'priority', values: ['urgent'] }], firstResponseMs: HOUR, resolutionMs: 8 * HOUR },
        { name: 'Default', clock: 'calendar', match: [], firstResponseMs: 24 * HOUR, resolutionMs: 72 * HOUR },
      ],
      columns: {},
      dateFormats: {},
      values: {},
      goals: [],
      alerts: DEFAULT_ALERT_SETTINGS,
      schedules: [],
      statusValue: expect.any(Function),
    });
  });

  it('a match value may be a list; values are trimmed and lower-cased; several fields must all hold', () => {
    const [policy] = settingsFrom(
      { sla: [{ name: 'VIP chat', match: { channel: ['Chat', ' Messenger '], tags: 'VIP' }, resolution: '1d12h' }] },
      SOURCE,
    ).sla;
    expect(policy).toEqual({
      name: 'VIP chat',
      clock: 'calendar',
      match: [
        { field: 'channel', values: ['chat', 'messenger'] },
        { field: 'tags', values: ['vip'] },
      ],
      firstResponseMs: undefined,
      resolutionMs: 36 * HOUR,
    });
  });

  it('an empty churnTags list is allowed (nothing counts as churn)', () => {
    expect(settingsFrom({ churnTags: [] }, SOURCE).churnTags).toEqual([]);
  });

  it.each([
    ['90s', 90_000],
    ['2m', 2 * MINUTE],
    ['1h30m', 90 * MINUTE],
    ['3d', 72 * HOUR],
    ['1d12h', 36 * HOUR],
    ['90m', 90 * MINUTE],
  ])('the duration %s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(settingsFrom({ sla: [{ name: 'P', firstResponse: text }] }, SOURCE).sla[0]!.firstResponseMs).toBe(ms);
  });
});

describe('settingsFrom: every error is a UsageError naming the file, the key path and what was expected', () => {
  it.each([
    ['an unknown top-level key', { timezone: 'UTC', frist: 1 }, `${SOURCE}: (top level): unknown key "frist"`],
    ['two unknown top-level keys', { a: 1, b: 2 }, `${SOURCE}: (top level): unknown key "a", "b"`],
    ['an unknown key in sla[0]', { sla: [{ name: 'P', firstResponse: '1h', frist: '2h' }] }, `${SOURCE}: sla[0]: unknown key "frist"`],
    [
      'an unknown key in a match',
      { sla: [{ name: 'P', match: { chanel: 'chat' }, firstResponse: '1h' }] },
      `${SOURCE}: sla[0].match: unknown key "chanel"`,
    ],
    [
      'a bad duration in sla[1]',
      { sla: [{ name: 'Chat', firstResponse: '2m' }, { name: 'Default', firstResponse: '2 minutes' }] },
      `${SOURCE}: sla[1].firstResponse: "2 minutes" is not a duration longer than 0s (write it like 90s, 2m, 1h30m, 3d)`,
    ],
    [
      'a decimal duration',
      { sla: [{ name: 'P', resolution: '1.5h' }] },
      `${SOURCE}: sla[0].resolution: "1.5h" is not a duration longer than 0s (write it like 90s, 2m, 1h30m, 3d)`,
    ],
    ['a zero duration', { sla: [{ name: 'P', firstResponse: '0s' }] }, `${SOURCE}: sla[0].firstResponse: "0s" is not a duration longer than 0s (write it like 90s, 2m, 1h30m, 3d)`],
    ['an empty duration', { sla: [{ name: 'P', firstResponse: '' }] }, `${SOURCE}: sla[0].firstResponse: "" is not a duration longer than 0s (write it like 90s, 2m, 1h30m, 3d)`],
    ['a policy with neither target', { sla: [{ name: 'P', match: { channel: 'chat' } }] }, `${SOURCE}: sla[0]: needs a firstResponse or a resolution target`],
  ])('%s', (_what, data, message) => {
    const error = errorOf(data);
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(2);
  });

  it.each([
    ['churnTags is not a list', { churnTags: 'refund' }, 'churnTags', /array/],
    ['an empty churn tag', { churnTags: ['refund', ''] }, 'churnTags[1]', /.+/],
    ['timezone is not a string', { timezone: 5 }, 'timezone', /string/],
    ['sla is not a list', { sla: { name: 'P' } }, 'sla', /array/],
    ['a policy without a name', { sla: [{ firstResponse: '1h' }] }, 'sla[0].name', /string/],
    ['a duration that is a number', { sla: [{ name: 'P', firstResponse: 120 }] }, 'sla[0].firstResponse', /string/],
    ['an empty match list', { sla: [{ name: 'P', match: { channel: [] }, firstResponse: '1h' }] }, 'sla[0].match.channel', /.+/],
    ['the file is a list', [], '(top level)', /object/],
    ['the file is null', null, '(top level)', /object/],
  ])('%s: names %s', (_what, data, path, expected) => {
    const { message } = errorOf(data);
    expect(message.startsWith(`${SOURCE}: ${path}: `), message).toBe(true);
    expect(message.slice(`${SOURCE}: ${path}: `.length)).toMatch(expected);
  });

  it('reports the first problem only, as one line', () => {
    const { message } = errorOf({ frist: 1, sla: [{ name: 'P', firstResponse: 'soon' }] });
    expect(message).not.toContain('\n');
  });
});
