import { progressLine } from '../../src/render/progress.js';
import { describe, expect, it } from 'vitest';
import { RATE_AFTER, ReadProgress, REDRAW, SHOW_AFTER } from '../../src/io/progress.js';

/** When the progress line is drawn, rewritten and cleared, on a fake terminal with a fake clock (issue 15). */

const CLEAR = '\r\u001b[K';

function terminal(columns?: number): { writes: string[]; write(text: string): void; columns?: number } {
  const writes: string[] = [];
  return { writes, write: (text) => void writes.push(text), ...(columns === undefined ? {} : { columns }) };
}

/** A clock the test sets. */
function clock(): { now: () => number; at: (ms: number) => void } {
  let time = 0;
  return { now: () => time, at: (ms) => void (time = ms) };
}

/** A ReadProgress on a fake terminal and clock (at 0), with a pass over one file of `size` bytes, open unless `size` is null. */
function setUp(size: number | undefined | null, file = 't.csv', columns?: number) {
  const term = terminal(columns);
  const time = clock();
  const progress = new ReadProgress(term, time.now, progressLine);
  const pass = progress.pass(file, 1, 1);
  if (size !== null) pass.opened(size, false);
  return { term, time, progress, pass };
}

describe('ReadProgress', () => {
  it('draws nothing before SHOW_AFTER, then the line in place, rewritten at most every REDRAW', () => {
    const { term, time, pass } = setUp(1000);
    time.at(SHOW_AFTER - 1);
    pass.bytes(100);
    pass.records(10);
    expect(term.writes).toEqual([]);
    time.at(SHOW_AFTER);
    pass.bytes(100);
    expect(term.writes).toEqual(['\rreading t.csv: 200 B of 1000 B (20%), 10 records, 200 B/s, about 4s left\u001b[K']);
    time.at(SHOW_AFTER + REDRAW - 1);
    pass.records(5);
    expect(term.writes).toHaveLength(1);
    time.at(SHOW_AFTER + REDRAW);
    pass.records(5);
    expect(term.writes).toHaveLength(2);
    expect(term.writes[1]).toMatch(/^\rreading t\.csv: 200 B of 1000 B \(20%\), 20 records, .*\u001b\[K$/);
  });

  it('bytes taken back (the part of a second thread, read again here) count no more, and the rate starts over', () => {
    const { term, time, pass } = setUp(1000);
    pass.bytes(300);
    pass.records(30);
    pass.bytes(-200);
    pass.records(-20);
    time.at(SHOW_AFTER);
    pass.bytes(0);
    expect(term.writes.at(-1)).toMatch(/^\rreading t\.csv: 100 B of 1000 B \(10%\), 10 records/);
    // The rate counts from the taking back: nothing read since, no rate.
    expect(term.writes.at(-1)).not.toMatch(/B\/s/);
    time.at(SHOW_AFTER + RATE_AFTER + REDRAW);
    pass.bytes(50);
    expect(term.writes.at(-1)).toMatch(/, \d+ B\/s/);
  });

  it('end() clears a line that was drawn, and nothing is drawn after it', () => {
    const { term, time, progress, pass } = setUp(undefined);
    time.at(2 * SHOW_AFTER);
    pass.bytes(10);
    progress.end();
    expect(term.writes.at(-1)).toBe(CLEAR);
    time.at(4 * SHOW_AFTER);
    pass.bytes(10);
    progress.end();
    expect(term.writes).toHaveLength(2);
  });

  it('end() writes nothing when no line was drawn: a short read leaves stderr as it was', () => {
    const { term, progress, pass } = setUp(10);
    pass.bytes(10);
    progress.end();
    expect(term.writes).toEqual([]);
  });

  it('is not drawn before the input is open (its size known), and then shows the pass that reads', () => {
    const term = terminal();
    const time = clock();
    const progress = new ReadProgress(term, time.now, progressLine);
    const main = progress.pass('a.csv', 1, 2);
    time.at(2 * SHOW_AFTER);
    main.bytes(64);
    expect(term.writes).toEqual([]);
    main.opened(1000, false);
    main.records(3);
    expect(term.writes.at(-1)).toMatch(/^\rreading a\.csv \(1 of 2\): 64 B of 1000 B \(6%\), 3 records/);
    // A first pass over the same file, while the main one waits.
    const first = progress.pass('a.csv', 1, 2, true);
    first.opened(1000, false);
    time.at(3 * SHOW_AFTER);
    first.bytes(500);
    expect(term.writes.at(-1)).toMatch(/^\rreading a\.csv \(1 of 2\), first pass: 500 B of 1000 B \(50%\), 500 B\/s/);
  });

  it('the rate is over the last seconds of the pass, not from its start', () => {
    const { term, time, pass } = setUp(100_000_000, 'big.csv');
    // A slow first 10 seconds (1 KiB/s), then 1 MiB/s.
    for (let s = 1; s <= 10; s++) {
      time.at(s * 1000);
      pass.bytes(1024);
    }
    for (let s = 11; s <= 30; s++) {
      time.at(s * 1000);
      pass.bytes(1024 * 1024);
    }
    expect(term.writes.at(-1)).toContain(', 1.0 MiB/s,');
  });

  it('no rate until RATE_AFTER of the pass, also when the run is older', () => {
    const { term, time, progress } = setUp(null);
    time.at(5 * SHOW_AFTER);
    const second = progress.pass('b.csv', 2, 2);
    second.opened(1000, false);
    time.at(5 * SHOW_AFTER + RATE_AFTER - 1);
    second.bytes(10);
    expect(term.writes).toEqual(['\rreading b.csv (2 of 2): 10 B of 1000 B (1%), 0 records\u001b[K']);
    time.at(5 * SHOW_AFTER + 1000);
    second.bytes(10);
    expect(term.writes.at(-1)).toBe('\rreading b.csv (2 of 2): 20 B of 1000 B (2%), 0 records, 20 B/s, about 49s left in this file\u001b[K');
  });

  it('the line fits the terminal', () => {
    const { term, time, pass } = setUp(1000, 'a-long-file-name-of-an-export.csv', 30);
    time.at(SHOW_AFTER);
    pass.bytes(10);
    expect(term.writes).toEqual(['\rreading a-long-file-name-of-…\u001b[K']);
  });
});
