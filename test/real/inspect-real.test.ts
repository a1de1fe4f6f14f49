import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

/**
 * Issue 4, "`inspect` explains every file it is given", on the real exports of
 * ../shared/data/real/ (see its README), read where they are; skipped, saying why, when the folder
 * (or one file) is not there, as in real-exports.test.ts. The counts are those that test pins
 * with `report` (16,476 Zendesk tickets, 2,067 never solved; ServiceNow's event logs).
 */

const realDir = fileURLToPath(new URL('../../../shared/data/real/', import.meta.url));
const folderExists = existsSync(realDir);

function realFile(name: string): { path: string; exists: boolean; title: string } {
  const path = `${realDir}${name}`;
  const exists = folderExists && existsSync(path);
  const why = folderExists ? `(skipped: ${path} not found)` : `(skipped: ${realDir} not found; it holds the real exports, see issue 4)`;
  return { path, exists, title: exists ? name : `${name} ${why}` };
}

const work = workDirectory('inspect-real');
afterAll(() => work.remove());

async function inspect(path: string): Promise<any> {
  const r = await cli(['inspect', path, '--format', 'json'], { cwd: work.fresh('inspect') });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).files[0];
}

const column = (file: any, header: string): any => file.columns.find((c: { header: string }) => c.header === header);

/** Everything read is accounted for: read = header + blank + used + duplicates + rejected. */
function expectCountsBalance(counts: { read: number; header: number; blank: number; used: number; duplicates: number; rejected: number }): void {
  expect(counts.header + counts.blank + counts.used + counts.duplicates + counts.rejected).toBe(counts.read);
}

const zendesk = realFile('zendesk_tickets_plum_2023.csv');

describe.skipIf(!zendesk.exists)(`inspect the real Zendesk export: ${zendesk.title}`, () => {
  it('the preset from the header, 16,476 tickets used, the 2,067 "never solved" dates counted as sentinels', async () => {
    const file = await inspect(zendesk.path);
    expect(file.preset).toMatchObject({ name: 'zendesk', from: 'header' });
    // 16,477 read = the header line + 16,476 tickets, no blank line
    expect(file.counts).toMatchObject({ read: 16477, header: 1, blank: 0, used: 16476, rejected: 0, duplicates: 0 });
    expectCountsBalance(file.counts);
    expect(column(file, 'Solved at')).toMatchObject({ field: 'solved_at', sentinel: 2067, rejected: 0 });
    expect(file.dateFormats.find((d: { field: string }) => d.field === 'created_at')).toMatchObject({ header: 'Created at', format: 'iso', from: 'values' });
    expect(file.columns.every((c: { blank: number | null }) => c.blank !== null)).toBe(true);
  });
});

for (const { name, rows, incidents } of [
  { name: 'servicenow_incident_events_ddmmyyyy.csv', rows: 5998, incidents: 890 },
  { name: 'servicenow_incident_events_dmyyyy.csv', rows: 198, incidents: 32 },
]) {
  const file = realFile(name);
  describe.skipIf(!file.exists)(`inspect a real ServiceNow event log: ${file.title}`, () => {
    it('the preset from the header, every date column day-first, older events as duplicates', async () => {
      const reading = await inspect(file.path);
      expect(reading.preset).toMatchObject({ name: 'servicenow', from: 'header' });
      // the header line, then `rows` events: one per incident used, the older ones duplicates; no blank line
      expect(reading.counts).toMatchObject({ read: rows + 1, header: 1, blank: 0, used: incidents, duplicates: rows - incidents, rejected: 0 });
      expectCountsBalance(reading.counts);
      expect(reading.dateFormats.length).toBeGreaterThan(0);
      expect(reading.dateFormats.every((d: { format: string; from: string }) => d.format === 'DMY' && d.from === 'values')).toBe(true);
    });
  });
}
