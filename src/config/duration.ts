/**
 * SLA targets as people write them: `90s`, `2m`, `1h30m`, `3d`, `1d12h`. Not empty and not zero
 * (some digit is 1–9): the lookahead keeps that rule in the JSON Schema's pattern too.
 */
export const DURATION_PATTERN = /^(?=\D*0*[1-9])(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * The longest target a config may set: a year. Longer is a typo (`100000000d`), and a deadline
 * that far out cannot even be written as a date.
 */
export const MAX_TARGET_MS = 365 * 86_400_000;

/** Milliseconds, or NaN when the text is not a duration (or is zero). */
export function parseDuration(text: string): number {
  const m = DURATION_PATTERN.exec(text.trim());
  if (m === null || text.trim() === '') return Number.NaN;
  const [days, hours, minutes, seconds] = [m[1], m[2], m[3], m[4]].map((part) => Number(part ?? 0)) as [number, number, number, number];
  const ms = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
  return ms > 0 ? ms : Number.NaN;
}

/** `5400` seconds → `1h30m` (the inverse of parseDuration, for messages and drill-down). */
export function formatTarget(ms: number): string {
  let s = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  return parts.join('') || '0s';
}
