import { headerMatch } from '../dialect/dialect.js';
import { freshdesk } from './freshdesk.js';
import { intercom } from './intercom.js';
import type { PresetName } from './names.js';
import { servicenow } from './servicenow.js';
import type { Preset } from './types.js';
import { zendesk } from './zendesk.js';

/** Every preset, by name. */
export const PRESETS: Record<PresetName, Preset> = { zendesk, freshdesk, intercom, servicenow };

/**
 * The presets whose signature headers all appear in `header` (ignoring case and spaces; a `*` in a
 * signature header stands for any text): one, none (`[]`), or several (the caller refuses to guess).
 */
export function presetsMatching(header: readonly string[]): Preset[] {
  return Object.values(PRESETS).filter((p) => p.signature.every((wanted) => header.some((h) => headerMatch(wanted, h) !== undefined)));
}
