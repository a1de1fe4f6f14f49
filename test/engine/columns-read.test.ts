import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../src/config/config.js';
import { goalOf } from '../../src/config/goals.js';
import { unreadColumns } from '../../src/engine/columns-read.js';
import { METRICS } from '../../src/metrics/index.js';
import { DIMENSIONS, type Dimension } from '../../src/schema/fields.js';
import { whereCondition } from '../../src/cli/flag-values.js';
import { reportOf, timedTicket, type TicketInput } from '../helpers/build.js';

const metric = (id: string) => METRICS.find((m) => m.meta.id === id)!;

/** The options of a report by `by` with every metric, and what `config` and `where` add. */
function options(by: Dimension[], config: Record<string, unknown> = {}, where: string[] = [], metrics = METRICS) {
  const settings = settingsFrom(config, 'test config');
  return {
    metrics,
    period: 'week' as const,
    zone: 'UTC',
    inputZone: 'UTC',
    by,
    attribution: 'event' as const,
    churnTags: settings.churnTags,
    sla: settings.sla,
    schedules: settings.schedules,
    where: where.map(whereCondition),
    goals: settings.goals.map((goal) => goalOf(goal, (id) => metric(id).meta.unit)),
  };
}

describe('unreadColumns: the dimension columns a report does not read', () => {
  it('a weekly report by agent with every metric reads agent and channel (abandonment_rate) only', () => {
    expect(unreadColumns(options(['agent']))).toEqual(['team', 'priority', 'language']);
  });

  it('agent is always read (the negative-rating alerts); channel only for a metric that needs it', () => {
    expect(unreadColumns(options([], {}, [], [metric('tickets_created')]))).toEqual(['team', 'channel', 'priority', 'language']);
    expect(unreadColumns(options([], {}, [], [metric('abandonment_rate')]))).toEqual(['team', 'priority', 'language']);
  });

  it.each([
    ['--by', options(['team', 'language'])],
    ['--where', options([], {}, ['team=Billing', 'language=de'])],
    ['a goal by', options([], { goals: [{ metric: 'csat', min: '80%', by: 'team' }, { metric: 'csat', min: '80%', by: 'language' }] })],
    ['a goal where', options([], { goals: [{ metric: 'csat', min: '80%', where: { team: 'Billing', language: 'de' } }] })],
    ['an SLA policy match', options([], { sla: [{ name: 'B', match: { team: 'Billing' }, firstResponse: '1h' }, { name: 'D', match: { language: 'de' }, firstResponse: '1h' }] })],
    ['a schedule match', options([], { schedules: [{ name: 'B', timezone: 'UTC', hours: { 'mon-fri': '09:00-17:00' }, match: { team: 'Billing', language: 'de' } }] })],
  ])('%s reads the dimensions it names', (_, given) => {
    expect(unreadColumns(given)).toEqual(['priority']);
  });

  it("a goal's metric reads what the metric needs, whether or not the report shows it", () => {
    const given = options([], { goals: [{ metric: 'abandonment_rate', max: '10%' }] }, [], [metric('tickets_created')]);
    expect(unreadColumns(given)).toEqual(['team', 'priority', 'language']);
  });

  it('property: a report reading only the columns it names is the report reading every column', () => {
    const values: Record<Dimension, (string | undefined)[]> = {
      agent: ['Ana', 'Bo', undefined],
      team: ['Billing', 'Hosting', undefined],
      channel: ['chat', 'email', undefined],
      priority: ['urgent', 'low', undefined],
      language: ['en', 'de', undefined],
    };
    const dimension = fc.constantFrom(...DIMENSIONS);
    const condition = fc.tuple(dimension, fc.constantFrom('a', 'b', '(none)')).map(([d, v]) => ({ [d]: v === '(none)' ? v : values[d][v === 'a' ? 0 : 1] }));
    const record = fc.record({
      createdHours: fc.integer({ min: 0, max: 24 * 20 }),
      responseHours: fc.option(fc.integer({ min: 0, max: 48 }), { nil: undefined }),
      resolvedHours: fc.option(fc.integer({ min: 0, max: 24 * 5 }), { nil: undefined }),
      satisfaction: fc.constantFrom('good', 'bad', undefined),
      ...Object.fromEntries(DIMENSIONS.map((d) => [d, fc.constantFrom(...values[d])])),
    });
    let someUnread = 0;
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 30 }),
        fc.uniqueArray(dimension, { maxLength: 2 }),
        fc.option(condition, { nil: undefined }),
        fc.option(fc.record({ metric: fc.constantFrom('csat', 'first_response_time', 'abandonment_rate'), by: fc.option(dimension, { nil: undefined }), where: fc.option(condition, { nil: undefined }) }), { nil: undefined }),
        fc.option(condition, { nil: undefined }),
        fc.option(condition, { nil: undefined }),
        fc.option(fc.subarray(METRICS.map((m) => m.meta.id), { minLength: 1 }), { nil: undefined }),
        (rows, by, where, goal, slaMatch, scheduleMatch, metricIds) => {
          const records: TicketInput[] = rows.map((r, i) => {
            const dimensions = Object.fromEntries(DIMENSIONS.flatMap((d) => ((r as Record<string, unknown>)[d] === undefined ? [] : [[d, (r as Record<string, unknown>)[d]]])));
            return timedTicket(i, r, { ...(r.satisfaction === undefined ? {} : { satisfaction: r.satisfaction }), ...dimensions });
          });
          const config = {
            ...(goal === undefined ? {} : { goals: [{ metric: goal.metric, ...(goal.metric === 'first_response_time' ? { max: '2h' } : { min: '50%' }), ...(goal.by === undefined ? {} : { by: goal.by }), ...(goal.where === undefined ? {} : { where: goal.where }) }] }),
            ...(slaMatch === undefined ? {} : { sla: [{ name: 'Matched', match: slaMatch, firstResponse: '1h', resolution: '1d' }, { name: 'Other', firstResponse: '8h' }] }),
            ...(scheduleMatch === undefined ? {} : { schedules: [{ name: 'Office', timezone: 'UTC', hours: { 'mon-fri': '09:00-17:00' }, match: scheduleMatch }] }),
          };
          const whereFlags = where === undefined ? [] : Object.entries(where).map(([d, v]) => `${d}=${v ?? '(none)'}`);
          const given = { by, config, where: whereFlags, ...(metricIds === undefined ? {} : { metrics: metricIds.map(metric) }) };
          if (unreadColumns(options(by, config, whereFlags, given.metrics)).length > 0) someUnread++;
          expect(reportOf(records, given)).toEqual(reportOf(records, { ...given, readAll: true }));
        },
      ),
      { numRuns: 200 },
    );
    expect(someUnread).toBeGreaterThan(100);
  });
});
