import type { CommandIO } from '../cli/command-io.js';
import { parseFlags } from '../cli/options.js';
import { didYouMean } from '../cli/suggest.js';
import { UsageError } from '../errors.js';
import { standardOutput } from '../io/standard-output.js';
import { loadPresets, PRESET_NAMES, type PresetName } from '../presets/index.js';
import { renderPresetExplanation, renderPresetsCatalogue, renderPresetsJson } from '../render/presets-doc.js';

/** `support-metrics presets [NAME]`: every preset, or one with its columns and notes. */
export async function runPresets(name: string | undefined, raw: Record<string, unknown>, io: CommandIO): Promise<void> {
  const flags = parseFlags('presets', raw);
  if (name !== undefined && !(PRESET_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`"${name}" is not a preset${didYouMean(name, PRESET_NAMES)}; \`support-metrics presets\` lists them`);
  }
  const presets = await loadPresets();
  const chosen = name === undefined ? Object.values(presets) : [presets[name as PresetName]];
  const text = flags.format === 'json' ? renderPresetsJson(chosen) : name === undefined ? renderPresetsCatalogue(presets) : renderPresetExplanation(chosen[0]!);
  await standardOutput(io.stdout).write(text);
}
