import type { Preset } from './types.js';

/**
 * Every preset, by name, loaded when a file is read (as ESLint's rule index does): the names are
 * known without loading any preset, so that --help and the flag checks stay light. The `--preset`
 * choices, the `presets` command and docs/presets.md all come from this map.
 */
const PRESET_LOADERS = {
  zendesk: async () => (await import('./zendesk.js')).zendesk,
  'zendesk-api': async () => (await import('./zendesk-api.js')).zendeskApi,
  'zendesk-chat': async () => (await import('./zendesk-chat.js')).zendeskChat,
  freshdesk: async () => (await import('./freshdesk.js')).freshdesk,
  intercom: async () => (await import('./intercom.js')).intercom,
  helpscout: async () => (await import('./helpscout.js')).helpscout,
  servicenow: async () => (await import('./servicenow.js')).servicenow,
  jira: async () => (await import('./jira.js')).jira,
} satisfies Record<string, () => Promise<Preset>>;

export type PresetName = keyof typeof PRESET_LOADERS;

/** The --preset choices, in this order. */
export const PRESET_NAMES = Object.keys(PRESET_LOADERS) as PresetName[];

/** The presets, by name. */
export type Presets = Readonly<Record<PresetName, Preset>>;

let loaded: Promise<Presets> | undefined;

/** Every preset (loaded once). */
export function loadPresets(): Promise<Presets> {
  loaded ??= Promise.all(PRESET_NAMES.map((name) => PRESET_LOADERS[name]())).then(
    (presets) => Object.fromEntries(PRESET_NAMES.map((name, i) => [name, presets[i]!])) as Record<PresetName, Preset>,
  );
  return loaded;
}
