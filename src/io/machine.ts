import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

/** What the machine gives a run that decides how many threads read a file (read-limits.ts, twoThreads). */
export interface Machine {
  /** The cores this process may run on. */
  cores: number;
  /** Whether the process's address space is limited (`ulimit -v`): each thread reserves its own. */
  addressSpaceLimited: boolean;
  /** The memory this process may use, in bytes: the machine's, or less under a control group's limit (a container's). */
  memory: number;
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
  // 0 (or undefined, on Node 20) without a limit; 2^64 under a control group without one.
  const limit = process.constrainedMemory?.() ?? 0;
  return { cores: availableParallelism(), addressSpaceLimited: limitsAddressSpace(limits), memory: limit > 0 ? Math.min(limit, totalmem()) : totalmem() };
}
