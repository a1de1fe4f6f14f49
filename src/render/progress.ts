import { displayWidth } from './aligned-lines.js';
import { cleanText } from './clean-text.js';
import { formatCount, formatDuration } from './format.js';
import type { ProgressFigures } from '../io/progress.js';

/**
 * The progress line shown on a terminal while a long read goes on (io/progress.ts draws it):
 * `reading tickets.csv: 45.2 MiB of 171.2 MiB (26%), 212,345 records, 25.3 MiB/s, about 5s left`.
 */

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** `512 B`, `64.0 KiB`, `171.2 MiB`: one decimal in binary units. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

/**
 * The progress line (without line break or escape sequences), no wider than `width` columns when
 * it is given: a line that wrapped could not be rewritten in place.
 */
export function progressLine(figures: ProgressFigures, width?: number): string {
  const { bytes, size, rate } = figures;
  const which = figures.files > 1 ? ` (${figures.index} of ${figures.files})` : '';
  const pass = figures.firstPass ? ', first pass' : '';
  const compressed = figures.compressed ? ' compressed' : '';
  const parts = [size === undefined ? `${formatBytes(bytes)}${compressed}` : `${formatBytes(bytes)} of ${formatBytes(size)}${compressed} (${Math.floor((Math.min(bytes, size) / Math.max(size, 1)) * 100)}%)`];
  if (!figures.firstPass) parts.push(figures.records === 1 ? '1 record' : `${formatCount(figures.records)} records`);
  if (rate !== undefined && rate > 0) {
    parts.push(`${formatBytes(rate)}/s`);
    if (size !== undefined && bytes < size) parts.push(`about ${formatDuration(Math.ceil(Math.max(0, size - bytes) / rate))} left${figures.files > 1 ? ' in this file' : ''}`);
  }
  const line = `reading ${cleanText(figures.file)}${which}${pass}: ${parts.join(', ')}`;
  if (width === undefined || displayWidth(line) <= width) return line;
  const characters = Array.from(line);
  while (characters.length > 0 && displayWidth(characters.join('')) > width - 1) characters.pop();
  return `${characters.join('')}…`;
}
