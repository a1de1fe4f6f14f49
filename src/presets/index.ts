import { freshdesk } from './freshdesk.js';
import type { PresetName } from './names.js';
import { servicenow } from './servicenow.js';
import type { Preset } from './types.js';
import { zendesk } from './zendesk.js';

/** Every preset, by name. */
export const PRESETS: Record<PresetName, Preset> = { zendesk, freshdesk, servicenow };

/**
 * The preset whose signature headers all appear in `header` (ignoring case and spaces): one, none
 * (`[]`), or several (the caller refuses to guess).
 */
export function presetsMatching(header: readonly string[]): Preset[] {
  const have = new Set(header.map((h) => h.trim().toLowerCase()));
  return Object.values(PRESETS).filter((p) => p.signature.every((h) => have.has(h.toLowerCase())));
}
