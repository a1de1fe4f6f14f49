import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** What the machine gives a run that decides how many threads read a file (read-limits.ts, twoThreads). */
export interface Machine {
  /** The cores this process may run on. */
  cores: number;
  /** Whether the process's address space is limited (`ulimit -v`): each thread reserves its own. */
  addressSpaceLimited: boolean;
}

/**
 * Whether /proc/self/limits (Linux; its text) sets a soft limit on the address space. The line
 * reads `Max address space   <soft>   <hard>   bytes`; `unlimited` is none.
 */
export function limitsAddressSpace(limits: string): boolean {
  const line = /^Max address space\s+(\S+)/m.exec(limits);
  return line !== null && line[1] !== 'unlimited';
}

/** This machine, as this process sees it. */
export function thisMachine(): Machine {
  let limits = '';
  try {
    limits = readFileSync('/proc/self/limits', 'utf8');
  } catch {
    // Not Linux: no such file, and no limit known.
  }
  return { cores: availableParallelism(), addressSpaceLimited: limitsAddressSpace(limits) };
}
