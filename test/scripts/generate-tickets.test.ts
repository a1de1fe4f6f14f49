import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

/**
 * scripts/generate-tickets.mjs, the synthetic export behind the samples and `npm run bench`:
 * its output depends only on its arguments, and --distinct-agents (the bench's many-groups case)
 * changes the agent column and nothing else.
 */

const generator = fileURLToPath(new URL('../../scripts/generate-tickets.mjs', import.meta.url));

function generate(args: string[]): string {
  const r = spawnSync(process.execPath, [generator, '--rows', '2000', '--format', 'csv', ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const records = (csv: string): Record<string, string>[] => parseCsv(csv, { columns: true }) as Record<string, string>[];

describe('generate-tickets', () => {
  const plain = generate(['--seed', '42']);
  const distinct = generate(['--seed', '42', '--distinct-agents']);

  it('writes the same bytes for the same arguments, and other bytes for another seed', () => {
    expect(generate(['--seed', '42'])).toBe(plain);
    expect(generate(['--seed', '42', '--distinct-agents'])).toBe(distinct);
    expect(generate(['--seed', '43'])).not.toBe(plain);
  });

  it('--distinct-agents gives every ticket an agent of its own and changes nothing else', () => {
    const before = records(plain);
    const after = records(distinct);
    expect(after).toHaveLength(before.length);
    const ticketsOfAgent = new Map<string, Set<string>>();
    for (const [i, row] of after.entries()) {
      const { agent, ...rest } = row;
      const { agent: plainAgent, ...plainRest } = before[i]!;
      expect(rest).toEqual(plainRest);
      // A ticket without an agent keeps none; one with an agent gets its own.
      expect(agent === '').toBe(plainAgent === '');
      if (agent !== '' && row.id !== '') {
        const ids = ticketsOfAgent.get(agent!) ?? new Set<string>();
        ids.add(row.id!);
        ticketsOfAgent.set(agent!, ids);
      }
    }
    // Many agents, each on exactly one ticket id (its duplicates included).
    expect(ticketsOfAgent.size).toBeGreaterThan(1500);
    for (const [agent, ids] of ticketsOfAgent) expect([agent, ids.size]).toEqual([agent, 1]);
    // The plain export has its few agents: the option is what makes them distinct.
    expect(new Set(before.map((r) => r.agent)).size).toBeLessThan(20);
  });

  it('keeps one agent for the rows of one ticket (a duplicate and its original)', () => {
    const agentOfId = new Map<string, string>();
    let repeated = 0;
    for (const row of records(distinct)) {
      if (row.id === '' || row.agent === '') continue;
      const seen = agentOfId.get(row.id!);
      if (seen === undefined) agentOfId.set(row.id!, row.agent!);
      else {
        repeated += 1;
        expect(row.agent).toBe(seen);
      }
    }
    expect(repeated).toBeGreaterThan(0);
  });
});
