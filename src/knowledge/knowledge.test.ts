// The knowledge files (data/knowledge/*.json) each have a schema (data/schema/NAME.schema.json) that
// the loader checks them against: every shipped file passes its schema, and a schema catches a broken copy.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { dataPath } from './paths.js';

const names = readdirSync(dataPath('knowledge')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const validator = (name: string) => new Ajv({ allErrors: true, strict: false }).compile(read(dataPath('schema', `${name}.schema.json`)));

describe('knowledge files', () => {
  it.each(names)('%s has a schema and passes it', (name) => {
    const validate = validator(name);
    expect(validate(read(dataPath('knowledge', `${name}.json`))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('place cues: a relative word with a precision ACLED has not, or an unknown kind of place, is refused', () => {
    const validate = validator('place-cues');
    const good = read(dataPath('knowledge', 'place-cues.json'));
    expect(validate({ ...good, relations: { ...(good.relations as object), قرب: 5 } })).toBe(false);
    expect(validate({ ...good, unknownNameCues: { قرية: 'planet' } })).toBe(false);
    expect(validate({ ...good, placeWord: ['مدينة'] })).toBe(false);
  });

  it('actor anaphors: an inter code outside ACLED\'s 1–8 is refused', () => {
    const validate = validator('anaphors');
    expect(validate({ ...read(dataPath('knowledge', 'anaphors.json')), anaphors: [{ words: ['التنظيم'], inter: [9] }] })).toBe(false);
  });
});
