import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureDir } from '../helpers/cli.js';
import { loadedModules } from '../helpers/loaded-modules.js';
import { tempFiles, workDirectory } from '../helpers/temp-files.js';

/**
 * What a run loads. A report of a few thousand tickets spends most of its time starting, so each
 * library and each part of the code is loaded only by the runs that use it (docs/speed.md). Each
 * absence is checked against a run that does load the thing, so that the check itself can fail.
 */

const tickets = `${fixtureDir('e2e')}tickets.csv`;
const input = tempFiles('loaded-modules');
const work = workDirectory('loaded-modules-out');
afterAll(() => work.remove());
/** A directory without a support-metrics.config.json. */
const cwd = tmpdir();

/** The libraries only some runs need. */
const ON_DEMAND = ['zod', 'cli-table3', 'chalk', 'string-width', 'signal-exit'];

describe('--help and --version', () => {
  it.each(['--help', '--version', 'report --help'])('%s load the command line and its flag table, and none of the data stack', (args) => {
    const run = loadedModules(args.split(' '), { cwd });
    expect(run.code).toBe(0);
    expect(run.modules).toContain('cli/flags.js');
    expect([...run.packages]).toEqual(['commander']);
    for (const module of ['commands/report.js', 'reading/read-exports.js', 'tickets/store.js', 'engine/compute.js', 'metrics/index.js', 'time/periods.js', 'render/format.js']) {
      expect(run.modules).not.toContain(module);
    }
  });
});

describe('report', () => {
  it('JSON, without a config file: no schema library (zod), no table, colour or width library, no other renderer or reader', () => {
    const run = loadedModules(['report', tickets, '-f', 'json'], { cwd });
    expect(run.code).toBe(0);
    expect(run.modules).toContain('commands/report.js');
    expect(run.modules).toContain('render/json.js');
    for (const library of ON_DEMAND) expect(run.packages).not.toContain(library);
    for (const module of ['config/config.js', 'config/schema.js', 'render/table.js', 'render/markdown.js', 'render/csv.js', 'reading/json-export.js', 'reading/propose-mapping.js', 'reading/column-profile.js']) {
      expect(run.modules).not.toContain(module);
    }
  });

  it('with a config file: zod and the schema', () => {
    const config = input.file('support-metrics.config.json', JSON.stringify({ timezone: 'UTC', churnTags: ['refund'] }));
    const run = loadedModules(['report', tickets, '-f', 'json', '-c', config], { cwd });
    expect(run.code).toBe(0);
    expect(run.packages).toContain('zod');
    expect(run.modules).toContain('config/schema.js');
  });

  it('a table on a pipe: cli-table3; no chalk (no colour), no string-width (every cell is plain text)', () => {
    const run = loadedModules(['report', tickets], { cwd });
    expect(run.code).toBe(0);
    expect(run.packages).toContain('cli-table3');
    expect(run.packages).not.toContain('chalk');
    expect(run.packages).not.toContain('string-width');
  });

  it('a table in colour: chalk', () => {
    expect(loadedModules(['report', tickets], { cwd, color: true }).packages).toContain('chalk');
  });

  it('CSV: the CSV renderer, and no CSV library (the quoting is our own, see render/csv-cells.ts)', () => {
    const run = loadedModules(['report', tickets, '-f', 'csv'], { cwd });
    expect(run.code).toBe(0);
    expect(run.packages).not.toContain('csv-stringify');
    expect(run.modules).toContain('render/csv.js');
  });

  it('to an output file: signal-exit (the temporary file is removed on a signal)', () => {
    const run = loadedModules(['report', tickets, '-o', join(work.fresh('output'), 'report.json')], { cwd });
    expect(run.code).toBe(0);
    expect(run.packages).toContain('signal-exit');
  });

  it('an NDJSON input: the JSON readers', () => {
    const run = loadedModules(['report', `${fixtureDir('e2e')}more.ndjson`, '-f', 'json'], { cwd });
    expect(run.code).toBe(0);
    expect(run.modules).toContain('reading/json-export.js');
  });
});

describe('inspect', () => {
  it('lines aligned around wide characters from the data: string-width', () => {
    const wide = input.file('wide.csv', 'id,created_at,担当者\nT1,2026-03-02T09:00:00Z,x\n');
    const run = loadedModules(['inspect', wide], { cwd });
    expect(run.code).toBe(0);
    expect(run.packages).toContain('string-width');
  });
});
