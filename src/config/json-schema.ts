import { z } from 'zod';
import { configSchema } from './schema.js';

/** The JSON Schema of support-metrics.config.json, for editors' completion (schema/ in the package). */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'support-metrics configuration' }, null, 2)}\n`;
}
