import { headerMatch } from '../dialect/dialect.js';
import { freshdesk } from './freshdesk.js';
import { helpscout } from './helpscout.js';
import { intercom } from './intercom.js';
import type { PresetName } from './names.js';
import { servicenow } from './servicenow.js';
import type { Preset } from './types.js';
import { zendeskApi } from './zendesk-api.js';
import { zendeskChat } from './zendesk-chat.js';
import { zendesk } from './zendesk.js';

/** Every preset, by name. */
export const PRESETS: Record<PresetName, Preset> = {
  zendesk,
  'zendesk-api': zendeskApi,
  'zendesk-chat': zendeskChat,
  freshdesk,
  intercom,
  helpscout,
  servicenow,
};

const fits = (signature: Preset['signature'], has: (name: string) => boolean): boolean =>
  signature.every((wanted) => (typeof wanted === 'string' ? has(wanted) : wanted.some(has)));

/**
 * The CSV presets whose signature headers all appear in `header` (ignoring case and spaces; a `*` in
 * a signature header stands for any text): one, none (`[]`), or several (the caller refuses to guess).
 */
export function presetsMatching(header: readonly string[]): Preset[] {
  return Object.values(PRESETS).filter((p) => p.format === 'csv' && fits(p.signature, (wanted) => header.some((h) => headerMatch(wanted, h) !== undefined)));
}

/** The JSON presets whose signature keys all appear among a first object's keys (exactly as written). */
export function presetsMatchingKeys(keys: readonly string[]): Preset[] {
  const present = new Set(keys);
  return Object.values(PRESETS).filter((p) => p.format === 'json' && fits(p.signature, (key) => present.has(key)));
}
