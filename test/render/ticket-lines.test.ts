import { describe, expect, it } from 'vitest';
import type { TicketLine } from '../../src/engine/drilldown.js';
import { ticketLines } from '../../src/engine/drilldown.js';
import { stringifyCsv } from '../../src/render/csv-cells.js';
import { renderTicketLines } from '../../src/render/ticket-lines.js';
import { ingest } from '../helpers/build.js';

/**
 * `tickets` streams its lines: a million tickets never become one string (JSON.stringify of 1M
 * lines failed with "Invalid string length"), yet the bytes are those of rendering them at once.
 */

function line(i: number): TicketLine {
  return {
    id: `T${i}`,
    created_at: '2026-03-02T09:00:00+00:00',
    first_response_at: null,
    resolved_at: null,
    status: i % 2 === 0 ? 'open' : null,
    agent: `agent "${i}", \u202e`,
    team: null,
    channel: 'email',
    priority: null,
    language: null,
    customer: `=c${i}`,
    first_response_time: null,
    resolution_time: i,
    handle_time: null,
    satisfied: 'yes',
    nps: null,
    agent_replies: 1,
    reopens: 0,
    escalated: null,
    first_contact_resolution: 'yes',
    churn: null,
    tags: i % 3 === 0 ? [] : ['a', 'b,c'],
    sla_policy: null,
    first_response_sla: null,
    first_response_due: null,
    resolution_sla: null,
    resolution_due: null,
  };
}

describe('renderTicketLines', () => {
  const lines = Array.from({ length: 5000 }, (_, i) => line(i));

  it('JSON comes in blocks of about 256 KiB whose text is that of the whole array at once', () => {
    const blocks = [...renderTicketLines(lines, 'json')];
    expect(blocks.length).toBeGreaterThan(3);
    // Lines are made text 64 at a time: a block passes 256 KiB by at most 64 lines (and their indents).
    const longest = Math.max(...lines.map((l) => JSON.stringify(l, null, 2).length * 1.2));
    for (const block of blocks.slice(0, -1)) expect(block.length).toBeLessThan(256 * 1024 + 64 * longest);
    const whole = blocks.join('');
    expect(JSON.parse(whole)).toEqual(lines);
    expect(whole).toBe(`${JSON.stringify(lines, null, 2).replaceAll('\u202e', '\\u202e')}\n`);
  });

  it('CSV comes in blocks too, header once, the same text as all rows at once', () => {
    const blocks = [...renderTicketLines(lines, 'csv')];
    expect(blocks.length).toBeGreaterThan(1);
    const columns = Object.keys(lines[0]!);
    const rows = lines.map((l) => columns.map((c) => (Array.isArray(l[c]) ? (l[c] as string[]).join(',') : (l[c] ?? null))));
    expect(blocks.join('')).toBe(stringifyCsv([columns, ...rows]));
  });

  it('no tickets: an empty JSON array', () => {
    expect([...renderTicketLines([], 'json')].join('')).toBe('[]\n');
  });

  it('ticketLines makes one line at a time', () => {
    const summary = ingest([
      { id: 'b', created_at: '2026-03-02T10:00:00Z' },
      { id: 'a', created_at: '2026-03-02T10:00:00Z' },
    ]);
    const made = ticketLines(summary.store, summary.presentFields, { zone: 'UTC', churnTags: [], sla: [] });
    expect(Array.isArray(made)).toBe(false);
    expect(made.next().value?.id).toBe('a');
    expect(made.next().value?.id).toBe('b');
    expect(made.next().done).toBe(true);
  });
});
