import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, MATCH_FIELDS } from '../../src/config/schema.js';

/**
 * The JSON Schema shipped for editors (issue 3: "Ship a JSON Schema generated from the zod schema
 * so editors can complete it"), and the sample config. That the committed schema is what the zod
 * schema generates is checked in test/docs/metrics-doc.test.ts.
 */

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface JsonSchema {
  $schema?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  additionalProperties?: boolean;
  anyOf?: JsonSchema[];
  pattern?: string;
  description?: string;
}

const schema = (): JsonSchema => JSON.parse(read('schema/support-metrics.config.schema.json')) as JsonSchema;

describe('schema/support-metrics.config.schema.json', () => {
  it('is valid JSON: an object schema of draft 2020-12', () => {
    const s = schema();
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.type).toBe('object');
  });

  it('allows exactly the documented top-level keys and no others', () => {
    const s = schema();
    expect(Object.keys(s.properties!).sort()).toEqual(['$schema', 'alerts', 'churnTags', 'columns', 'dateFormats', 'eventLog', 'goals', 'inputTimezone', 'schedules', 'sla', 'timezone', 'values']);
    expect(s.additionalProperties).toBe(false);
  });

  it('a policy: name required, no other key than name, match, firstResponse, resolution, clock', () => {
    const policy = schema().properties!.sla!.items!;
    expect(policy.type).toBe('object');
    expect(Object.keys(policy.properties!).sort()).toEqual(['clock', 'firstResponse', 'match', 'name', 'resolution']);
    expect(policy.additionalProperties).toBe(false);
    expect(policy.required).toEqual(['name']);
  });

  it('a match: only the match fields, each a string or a list of strings', () => {
    const match = schema().properties!.sla!.items!.properties!.match!;
    expect(match.additionalProperties).toBe(false);
    expect(Object.keys(match.properties!).sort()).toEqual([...MATCH_FIELDS].sort());
    for (const field of MATCH_FIELDS) {
      expect(match.properties![field]!.anyOf!.map((alternative) => alternative.type).sort(), field).toEqual(['array', 'string']);
    }
  });

  it('durations carry the pattern the CLI accepts, so editors flag "2 minutes"', () => {
    const policy = schema().properties!.sla!.items!;
    for (const key of ['firstResponse', 'resolution']) {
      const pattern = new RegExp(policy.properties![key]!.pattern!);
      for (const good of ['90s', '2m', '1h30m', '3d', '1d12h']) expect(pattern.test(good), `${key} ${good}`).toBe(true);
      for (const bad of ['2 minutes', '1.5h', '2M', 'soon']) expect(pattern.test(bad), `${key} ${bad}`).toBe(false);
    }
  });

  it('every key an editor completes has a description', () => {
    const s = schema();
    for (const [key, property] of Object.entries(s.properties!)) expect(property.description, key).toBeTruthy();
    for (const [key, property] of Object.entries(s.properties!.sla!.items!.properties!)) expect(property.description, key).toBeTruthy();
  });
});

describe('samples/support-metrics.config.json', () => {
  it('is valid JSON and passes configSchema', () => {
    const sample = JSON.parse(read('samples/support-metrics.config.json')) as unknown;
    const parsed = configSchema.safeParse(sample);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('points editors at the shipped schema', () => {
    const sample = JSON.parse(read('samples/support-metrics.config.json')) as { $schema?: string };
    expect(sample.$schema).toBe('../schema/support-metrics.config.schema.json');
  });

  it('the example config of the README passes configSchema too', () => {
    const blocks = [...read('README.md').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((text) => text.includes('"sla"'));
    expect(blocks.length).toBeGreaterThan(0);
    for (const text of blocks) {
      const parsed = configSchema.safeParse(JSON.parse(text));
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });
});
