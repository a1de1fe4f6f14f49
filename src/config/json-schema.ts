import { z } from 'zod';
import { configSchema, slaPolicy } from './schema.js';

/** The JSON Schema of support-metrics.config.json, for editors' completion (schema/ in the package). */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    target: 'draft-2020-12',
    // zod's refinements do not reach JSON Schema: say here that a policy needs a target.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === slaPolicy) jsonSchema.anyOf = [{ required: ['firstResponse'] }, { required: ['resolution'] }];
    },
  });
  return `${JSON.stringify({ ...schema, title: 'support-metrics configuration' }, null, 2)}\n`;
}
