import type { Preset } from './types.js';

/**
 * Every preset, by name: the export of presets/all.ts that holds it. The names are known without
 * loading any preset, so that --help and the flag checks stay light; the presets themselves are
 * imported together when a file is read (as ESLint's rule index does). The `--preset` choices, the
 * `presets` command and docs/presets.md all come from this map.
 */
const PRESET_EXPORTS = {
  zendesk: 'zendesk',
  'zendesk-api': 'zendeskApi',
  'zendesk-chat': 'zendeskChat',
  freshdesk: 'freshdesk',
  intercom: 'intercom',
  helpscout: 'helpscout',
  servicenow: 'servicenow',
  jira: 'jira',
} as const satisfies Record<string, keyof typeof import('./all.js')>;

export type PresetName = keyof typeof PRESET_EXPORTS;

/** The --preset choices, in this order. */
export const PRESET_NAMES = Object.keys(PRESET_EXPORTS) as PresetName[];

/** The presets, by name. */
export type Presets = Readonly<Record<PresetName, Preset>>;

let loaded: Promise<Presets> | undefined;

/** Every preset (loaded once). */
export function loadPresets(): Promise<Presets> {
  loaded ??= import('./all.js').then((all) => Object.fromEntries(PRESET_NAMES.map((name) => [name, all[PRESET_EXPORTS[name]]])) as Record<PresetName, Preset>);
  return loaded;
}
