/** Made on first use: the first Intl formatter of a run starts ICU, which costs more than the rest of a small report. */
let integerFormat: Intl.NumberFormat | undefined;

/**
 * A count with its thousands grouped, `2,954`, as en-US writes it: in messages and notices of every
 * layer as in the rendered report, without starting ICU for whole numbers (toLocaleString does).
 */
export function formatCount(n: number): string {
  // Whole numbers (every count) are grouped here; anything else as Intl writes it (-0, 2.5, 1e21).
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) {
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
    return n < 0 ? `-${digits}` : digits;
  }
  integerFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return integerFormat.format(n);
}
