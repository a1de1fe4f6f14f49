import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESET_NAMES, loadPresets } from '../../src/presets/index.js';
import { presetsMatching as presetsMatchingIn } from '../../src/dialect/interpret.js';
import { expectOneLineError, fixtureDir, cli } from '../helpers/cli.js';
import { workDirectory } from '../helpers/temp-files.js';

const PRESETS = await loadPresets();
const presetsMatching = (header: readonly string[]) => presetsMatchingIn(PRESETS, header);

/**
 * Issue 4: a preset "is chosen with --preset NAME, or detected from the header row (print which one
 * was detected; refuse to guess between two and list the candidates)".
 */

const fixtures = fixtureDir('presets');
const work = workDirectory('presets-detection');
afterAll(() => work.remove());

const headerOf = (file: string): string[] => readFileSync(join(fixtures, file), 'utf8').split('\n')[0]!.split(',');
const names = (header: string[]): string[] => presetsMatching(header).map((p) => p.name);

describe('presetsMatching', () => {
  it('the Zendesk fixture header fits zendesk only; the ServiceNow one servicenow only', () => {
    expect(names(headerOf('zendesk-support.csv'))).toEqual(['zendesk']);
    expect(names(headerOf('servicenow-incident-log.csv'))).toEqual(['servicenow']);
  });

  it('headers are compared ignoring case and surrounding spaces', () => {
    expect(names([' ID', 'REQUESTER ID ', 'via', 'created AT'])).toEqual(['zendesk']);
    expect(names(['Number', ' Opened_At', 'SYS_UPDATED_AT '])).toEqual(['servicenow']);
  });

  it('a canonical header, or a header missing one signature column, fits none', () => {
    expect(names(['id', 'created_at', 'agent'])).toEqual([]);
    // A Zendesk view export without "Via": not recognised (needs --preset zendesk).
    expect(names(['Id', 'Requester id', 'Created at', 'Solved at'])).toEqual([]);
    expect(names(['number', 'opened_at'])).toEqual([]);
  });

  it('a header holding both signatures fits both', () => {
    expect(names(headerOf('two-presets.csv')).sort()).toEqual(['servicenow', 'zendesk']);
  });

  it('every --preset choice is a preset, and every preset a choice', () => {
    expect(Object.keys(PRESETS).sort()).toEqual([...PRESET_NAMES].sort());
    for (const [name, preset] of Object.entries(PRESETS)) expect(preset.name).toBe(name);
  });

  it("each preset has a signature and maps id and created_at", () => {
    for (const preset of Object.values(PRESETS)) {
      expect(preset.dialect.columns.id, preset.name).toBeDefined();
      expect(preset.dialect.columns.created_at, preset.name).toBeDefined();
      expect(preset.signature.length, preset.name).toBeGreaterThan(0);
    }
  });
});

describe('the CLI: detection from the header', () => {
  it('a header that fits two presets: exit 2, one line listing both and pointing to --preset', async () => {
    const line = expectOneLineError(await cli(['report', join(fixtures, 'two-presets.csv'), '--format', 'json'], { cwd: work.fresh('two') }), 2);
    expect(line).toContain('two-presets.csv');
    expect(line).toContain('zendesk');
    expect(line).toContain('servicenow');
    expect(line).toContain('--preset');
  });

  it.each([
    ['zendesk', '2026-03-02T09:00:00+00:00'],
    ['servicenow', '2026-03-13T09:00:00+00:00'],
  ])('the same file with --preset %s is read as that preset', async (preset, created) => {
    const r = await cli(['tickets', join(fixtures, 'two-presets.csv'), '--preset', preset, '--format', 'json'], { cwd: work.fresh(`two-${preset}`) });
    expect(r.code, r.stderr).toBe(0);
    const lines = JSON.parse(r.stdout) as { id: string; created_at: string }[];
    expect(lines.map((t) => [t.id, t.created_at])).toEqual([[preset === 'zendesk' ? '1' : 'INC1', created]]);
  });

  it('a canonical export is read as such: no preset notice', async () => {
    const dir = work.fresh('canonical');
    writeFileSync(join(dir, 't.csv'), 'id,created_at,Via,Requester id,Created at\nA,2026-03-02T09:00:00Z,Mail,1,2026-03-02 09:00:00\n');
    const r = await cli(['report', 't.csv', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('preset');
  });

  it('an unknown --preset is a usage error (exit 2) naming the choices', async () => {
    const r = await cli(['report', join(fixtures, 'zendesk-support.csv'), '--preset', 'freshdask'], { cwd: work.fresh('unknown') });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('zendesk');
  });
});
