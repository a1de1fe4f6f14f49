import { describe, expect, it } from 'vitest';
import { totalmem } from 'node:os';
import { limitsAddressSpace, thisMachine } from '../../src/io/machine.js';
import { TWO_PARTS_FROM, twoThreads, twoThreadsMemory } from '../../src/io/read-limits.js';

/** How many threads read a CSV file (--threads), from the flag, the file's size and the machine. */

/** /proc/self/limits as Linux writes it, with this address-space line. */
const limits = (soft: string, hard = 'unlimited'): string =>
  [
    'Limit                     Soft Limit           Hard Limit           Units     ',
    'Max cpu time              unlimited            unlimited            seconds   ',
    'Max stack size            8388608              unlimited            bytes     ',
    `Max address space         ${soft.padEnd(21)}${hard.padEnd(21)}bytes     `,
    'Max open files            1048576              1048576              files     ',
  ].join('\n');

describe('limitsAddressSpace', () => {
  it('reads the soft limit of the address space', () => {
    expect(limitsAddressSpace(limits('unlimited'))).toBe(false);
    expect(limitsAddressSpace(limits('1536000000'))).toBe(true);
    // A hard limit alone binds nothing until the soft one is raised to it.
    expect(limitsAddressSpace(limits('unlimited', '1536000000'))).toBe(false);
  });

  it('no such file (not Linux) or no such line: no limit known', () => {
    expect(limitsAddressSpace('')).toBe(false);
    expect(limitsAddressSpace('Max open files 1024 1024 files')).toBe(false);
  });
});

describe('thisMachine', () => {
  it('this process: its cores, whether its address space is limited, and its memory (at most the machine\'s)', () => {
    const machine = thisMachine();
    expect(machine.cores).toBeGreaterThanOrEqual(1);
    expect(machine.memory).toBeGreaterThan(0);
    expect(machine.memory).toBeLessThanOrEqual(totalmem());
    expect(typeof machine.addressSpaceLimited).toBe('boolean');
  });
});

describe('twoThreads', () => {
  const free = { cores: 2, addressSpaceLimited: false, memory: 16 * 2 ** 30 };
  const noMachine = (): never => {
    throw new Error('the machine need not be asked');
  };

  it('--threads 1 and 2 say so, whatever the file and machine', () => {
    expect(twoThreads('1', 10 * TWO_PARTS_FROM.csv, 'csv', noMachine)).toBe(false);
    expect(twoThreads('2', 10, 'ndjson', noMachine)).toBe(true);
  });

  it('auto: one thread where the memory (a container\'s limit) is short of what two take for the file', () => {
    const size = 180_000_000;
    // 180 MB: 616 MiB; the report's peak was ~340 MiB with two threads, ~250 with one.
    expect(twoThreadsMemory(size)).toBe(2 * size + 256 * 2 ** 20);
    expect(twoThreads('auto', size, 'csv', () => ({ ...free, memory: twoThreadsMemory(size) }))).toBe(true);
    expect(twoThreads('auto', size, 'csv', () => ({ ...free, memory: twoThreadsMemory(size) - 1 }))).toBe(false);
    expect(twoThreads('auto', size, 'csv', () => ({ ...free, memory: 512 * 2 ** 20 }))).toBe(false);
    // --threads 2 is obeyed.
    expect(twoThreads('2', size, 'csv', () => ({ ...free, memory: 512 * 2 ** 20 }))).toBe(true);
  });

  it('auto (or none given): two for a file of TWO_PARTS_FROM (its format\'s) or more, on two cores or more, without a limit on the address space', () => {
    for (const threads of ['auto', undefined] as const) {
      for (const format of ['csv', 'ndjson', 'json'] as const) {
        const from = TWO_PARTS_FROM[format];
        expect(twoThreads(threads, from - 1, format, noMachine)).toBe(false);
        expect(twoThreads(threads, from, format, () => free)).toBe(true);
        expect(twoThreads(threads, from, format, () => ({ ...free, cores: 1 }))).toBe(false);
        expect(twoThreads(threads, from, format, () => ({ ...free, cores: 8, addressSpaceLimited: true }))).toBe(false);
      }
    }
    // About 180,000 tickets in either: an NDJSON ticket takes more bytes.
    expect(twoThreads('auto', TWO_PARTS_FROM.csv, 'ndjson', noMachine)).toBe(false);
  });
});
