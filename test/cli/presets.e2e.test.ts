import { describe, expect, it } from 'vitest';
import { loadPresets, PRESET_NAMES } from '../../src/presets/index.js';
import { presetColumns } from '../../src/render/presets-doc.js';
import { cli, expectOneLineError } from '../helpers/cli.js';

/**
 * `support-metrics presets [NAME]`: the preset registry as a lead reads it, every preset or one
 * with the column that holds each field and its notes (what docs/presets.md shows too).
 */

const PRESETS = await loadPresets();

describe('support-metrics presets', () => {
  it('lists every preset of the registry, with what it reads and how it is recognised', async () => {
    const r = await cli(['presets']);
    expect(r.code, r.stderr).toBe(0);
    for (const name of PRESET_NAMES) expect(r.stdout).toContain(`${name} — ${PRESETS[name].title}`);
    expect(r.stdout).toContain('recognised by: "Id", "Created at", "Requester id", "Via"');
    expect(r.stdout).toContain('recognised by: keys "via" and "satisfaction_rating" or "metric_set"');
  });

  it('shows one preset: the column of each field (a duration standing in, a zone in the header) and its notes', async () => {
    const r = await cli(['presets', 'intercom']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}created_at +Conversation started at \(zone\)$/m);
    expect(r.stdout).toMatch(/^ {2}first_response_at +Conversation first replied at \(zone\), else \(Conversation started at \(zone\) \+ First response time \(seconds\)\)$/m);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Resolution is measured to the last close');
    expect(r.stdout).not.toMatch(/`|\*\*/);
  });

  it('--format json: each preset as data (name, title, format, signature, columns, notes)', async () => {
    const r = await cli(['presets', '--format', 'json']);
    const data = JSON.parse(r.stdout) as { name: string; columns: Record<string, string> }[];
    expect(data.map((p) => p.name)).toEqual([...PRESET_NAMES]);
    expect(data.find((p) => p.name === 'zendesk')!.columns).toEqual(presetColumns(PRESETS.zendesk));
    expect(data.find((p) => p.name === 'zendesk')!.columns.tags).toBe('Tags (space-separated)');
  });

  it('an unknown preset: exit 2, one line, with a did-you-mean', async () => {
    expect(expectOneLineError(await cli(['presets', 'zendsk']), 2)).toBe(
      'support-metrics: "zendsk" is not a preset (did you mean "zendesk"?); `support-metrics presets` lists them',
    );
  });
});
