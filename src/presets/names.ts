/** The --preset choices (kept apart from the presets so that --help loads none of them). */
export const PRESET_NAMES = ['zendesk', 'freshdesk', 'intercom', 'servicenow'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
