import { describe, expect, it } from 'vitest';
import { settingsFrom } from '../../src/config/config.js';
import { canonicalStatus, conditionValue, STATUSES } from '../../src/schema/statuses.js';
import { YesNo } from '../../src/schema/validate.js';
import { evaluateSla } from '../../src/sla/evaluate.js';
import { ingest } from '../helpers/build.js';

/** The status each helpdesk writes, and the canonical one it is read as. */
const VENDOR_STATUSES: [string, string, string][] = [
  ['Zendesk', 'Pending', 'pending'],
  ['Zendesk API', 'hold', 'hold'],
  ['Freshdesk', 'Waiting on Customer', 'pending'],
  ['Freshdesk', 'Waiting on Third Party', 'hold'],
  ['Freshdesk', 'Resolved', 'solved'],
  ['Jira', 'To Do', 'new'],
  ['Jira', 'In Progress', 'open'],
  ['Jira', 'Waiting for customer', 'pending'],
  ['Jira', 'Done', 'solved'],
  ['ServiceNow', 'On Hold', 'hold'],
  ['ServiceNow', 'Active', 'open'],
  ['Help Scout', 'active', 'open'],
  ['Intercom', 'snoozed', 'hold'],
  ['any', '  CLOSED ', 'closed'],
  // Not a ticket state the table knows: as written.
  ['ServiceNow', 'Canceled', 'Canceled'],
  ['Help Scout', 'spam', 'spam'],
];

describe('statuses: read as their canonical name', () => {
  it.each(VENDOR_STATUSES)('%s: %j is %j', (_vendor, written, canonical) => {
    expect(canonicalStatus(written)).toBe(canonical);
    const { store } = ingest([{ id: '1', created_at: '2026-03-02T09:00:00Z', status: written }]);
    expect(store.dictionaries.status.valueOf(store.status[0]!)).toBe(canonical === written ? written.trim() : canonical);
  });

  it('no name belongs to two statuses', () => {
    const names = Object.values(STATUSES).flat();
    expect(new Set(names).size).toBe(names.length);
  });

  it('a blank resolved is yes for solved and closed, whatever the export called them', () => {
    const records = ['Done', 'Resolved', 'completed', 'Closed', 'Waiting on Customer', 'Canceled'].map((status, i) => ({ id: String(i), created_at: '2026-03-02T09:00:00Z', status }));
    const { store } = ingest(records);
    expect(Array.from(store.resolved.subarray(0, store.length))).toEqual([YesNo.yes, YesNo.yes, YesNo.yes, YesNo.yes, YesNo.unknown, YesNo.unknown]);
  });

  it('a status the config maps (values) is then read as its canonical name', () => {
    expect(conditionValue('status', 'Waiting for customer')).toBe('pending');
    expect(conditionValue('agent', ' Ana ')).toBe('ana');
  });

  it('an SLA policy matching a vendor status name matches the tickets holding it', () => {
    const { store } = ingest([
      { id: 'A', created_at: '2026-03-02T09:00:00Z', status: 'Waiting on Customer' },
      { id: 'B', created_at: '2026-03-02T09:00:00Z', status: 'pending' },
      { id: 'C', created_at: '2026-03-02T09:00:00Z', status: 'Open' },
    ]);
    const { sla } = settingsFrom({ sla: [{ name: 'Waiting', match: { status: 'Waiting for customer' }, firstResponse: '1h' }] }, 'test');
    const result = evaluateSla(store, sla, store.latestTimestamp);
    expect(Array.from({ length: store.length }, (_, slot) => result.policyOf(slot))).toEqual([0, 0, -1]);
  });
});
