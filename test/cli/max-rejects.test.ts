import { describe, expect, it } from 'vitest';
import { parseFlagValue, rejectLimit } from '../../src/cli/flag-values.js';
import { rejectLimitExceeded } from '../../src/commands/ticket-input.js';
import { UsageError } from '../../src/errors.js';
import type { IngestSummary } from '../../src/tickets/ingest.js';

/** --max-rejects compared exactly: a share is the decimal it was written as, never a rounded float. */

const limitOf = (text: string) => parseFlagValue('maxRejects', rejectLimit, text);

/** A summary with `records` records read (header and blank lines not counted) and `rejected` of them rejected. */
const summary = (records: number, rejected: number): IngestSummary => ({ records, rejected }) as unknown as IngestSummary;

describe('--max-rejects', () => {
  it.each([
    // 69 of 375 is exactly 18.4%, which 0.184 * 375 in floating point is not.
    ['18.4%', 375, 69, undefined],
    ['18.39%', 375, 69, '--max-rejects 18.39%: 69 of 375 records rejected (18.40%)'],
    ['18.400%', 375, 69, undefined],
    ['0.1%', 1000, 1, undefined],
    ['0.1%', 1000, 2, '--max-rejects 0.1%: 2 of 1,000 records rejected (0.20%)'],
    ['100%', 3, 3, undefined],
    ['0%', 3, 0, undefined],
    ['0%', 3, 1, '--max-rejects 0%: 1 of 3 records rejected (33.33%)'],
    ['5', 10, 5, undefined],
    ['5', 10, 6, '--max-rejects 5: 6 of 10 records rejected'],
  ])('%s with %i records, %i rejected', (limit, records, rejected, expected) => {
    expect(rejectLimitExceeded(summary(records, rejected), { strict: false, maxRejects: limitOf(limit) })).toBe(expected);
  });

  it('--strict fails on any rejection, whatever the limit', () => {
    expect(rejectLimitExceeded(summary(10, 1), { strict: true, maxRejects: limitOf('50%') })).toBe('--strict: 1 of 10 records rejected');
    expect(rejectLimitExceeded(summary(10, 0), { strict: true, maxRejects: undefined })).toBeUndefined();
  });

  it.each(['-1', '1.5', '100.01%', '%', 'ten', '5 %%'])('refuses %j', (text) => {
    expect(() => limitOf(text)).toThrow(UsageError);
  });
});
