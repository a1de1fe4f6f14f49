import type { Preset } from './types.js';

/** The preset modules, imported at once when a file is read (presets/all.ts). */
const presetModules = () => import('./all.js');

/**
 * Every preset, by name, loaded when a file is read (as ESLint's rule index does): the names are
 * known without loading any preset, so that --help and the flag checks stay light. The `--preset`
 * choices, the `presets` command and docs/presets.md all come from this map.
 */
const PRESET_LOADERS = {
  zendesk: async () => (await presetModules()).zendesk,
  'zendesk-api': async () => (await presetModules()).zendeskApi,
  'zendesk-chat': async () => (await presetModules()).zendeskChat,
  freshdesk: async () => (await presetModules()).freshdesk,
  intercom: async () => (await presetModules()).intercom,
  helpscout: async () => (await presetModules()).helpscout,
  servicenow: async () => (await presetModules()).servicenow,
  jira: async () => (await presetModules()).jira,
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
