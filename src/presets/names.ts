/** The --preset choices (kept apart from the presets so that --help loads none of them). */
export const PRESET_NAMES = ['zendesk', 'zendesk-api', 'zendesk-chat', 'freshdesk', 'intercom', 'helpscout', 'servicenow'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
