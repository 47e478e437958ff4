import fc from 'fast-check';
import { parse, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ExtractionDocument } from '../src/schema/index.ts';
import { toJson } from '../src/writers/json.ts';
import { isPlain, toYaml } from '../src/writers/yaml.ts';
import { sampleDocument } from './fixtures/sample-document.ts';

/** Strings a YAML 1.1 parser (PyYAML, Psych) reads as something other than a string when unquoted. */
const YAML11_TRAPS = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'Off', 'true', 'False', '~', 'null', 'Null', '',
  '2020-11-01', '2020-11-01 10:00:00', '2001-12-14t21:59:43.10-05:00', '1:20', '190:20:30', '012', '0x1F', '0b101',
  '1_000', '+12', '-3.5', '1e3', '.inf', '-.Inf', '.NaN', '<<', '=', ' lead', 'trail ', 'a: b', '# c', "it's",
  'line\nbreak  \n', '\ttab', '- item', '[x]', '{x}', '*ref', '&anchor', '!tag', '%dir', '@at', '`tick', '|', '>',
];

function withStrings(values: string[]): ExtractionDocument {
  const doc = sampleDocument();
  const [first = 'x'] = values;
  return {
    ...doc,
    article: { ...doc.article, title: first, subtitle: first, outlet: first, url: first },
    statements: doc.statements.map((s) => ({ ...s, quotes: values, content: first })),
  };
}

describe('JSON writer', () => {
  it('writes the document indented by two spaces with one trailing newline', () => {
    const doc = sampleDocument();
    const json = toJson(doc);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.endsWith('\n\n')).toBe(false);
    expect(json.split('\n')[1]).toBe('  "schema": "conflict-events/1",');
    expect(JSON.parse(json)).toEqual(doc);
  });
});

describe('YAML writer', () => {
  it('round-trips the sample document through YAML 1.2 and YAML 1.1', () => {
    const doc = sampleDocument();
    const yaml = toYaml(doc);
    expect(parse(yaml)).toEqual(doc);
    expect(parse(yaml, { version: '1.1' })).toEqual(doc);
  });

  it('quotes strings YAML 1.1 would read as booleans, null, numbers or dates', () => {
    const doc = withStrings(YAML11_TRAPS);
    const yaml = toYaml(doc);
    expect(parse(yaml, { version: '1.1' })).toEqual(doc);
    expect(parse(yaml)).toEqual(doc);
    for (const s of ['yes', 'no', 'on', 'off', 'y', 'n', '~', '2020-11-01', '1:20', '=']) {
      expect(yaml, s).toContain(`      - "${s}"\n`);
    }
    expect(yaml).toContain('  published: "2020-11-01"\n');
    expect(yaml).toContain('  title: "yes"\n');
  });

  it('writes a string plain exactly when the plain-string pattern allows it', () => {
    const PLAIN = /^\p{L}[\p{L}\p{M}\p{N} ._\u060C\u061B()/-]*$/u;
    const reference = (s: string): boolean => PLAIN.test(s) && !s.endsWith(' ') && !s.includes('  ');
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[\p{L}][\p{L}\p{M}\p{N} ._\u060C\u061B()/-]{0,12}$/u));
    fc.assert(
      fc.property(text, (s) => {
        expect(isPlain(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
    for (const s of ['قال الرئيس', 'a  b', 'a ', 'ب', '𝐀bc', '1a', '', 'x(y)/z-w.v_u،؛']) expect(isPlain(s)).toBe(reference(s));
  });

  it('round-trips any string', () => {
    const text = fc.oneof(fc.constantFrom(...YAML11_TRAPS), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (values) => {
        const doc = withStrings(values);
        const yaml = toYaml(doc);
        expect(parse(yaml)).toEqual(doc);
        expect(parse(yaml, { version: '1.1' })).toEqual(doc);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips any JSON-shaped value through YAML 1.2 and 1.1', () => {
    const text = fc.oneof(fc.constantFrom(...YAML11_TRAPS), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('قال\nالرئيس', 'a\n  b', 'x\n', '# not a comment\n- not an item', 'نص\n\nفقرة'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 4 }),
      object: fc.dictionary(text, tie('node'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.dictionary(text, value.node, { minKeys: 1, maxKeys: 6 }), (obj) => {
        const yaml = toYaml(obj as unknown as ExtractionDocument);
        const expected = JSON.parse(JSON.stringify(obj));
        expect(parse(yaml)).toEqual(expected);
        expect(parse(yaml, { version: '1.1' })).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('spells shared objects out instead of using anchors and aliases', () => {
    const doc = sampleDocument();
    const shared = doc.article.agency!.evidence;
    const reused: ExtractionDocument = {
      ...doc,
      article: { ...doc.article, credits: doc.article.credits.map((c) => ({ ...c, evidence: shared })) },
    };
    const yaml = toYaml(reused);
    let aliases = 0;
    visit(parseDocument(yaml), { Alias: () => void aliases++ });
    expect(aliases).toBe(0);
    expect(yaml).not.toMatch(/[&*]a\d/u);
    expect(parse(yaml)).toEqual(reused);
  });

  it('never folds long lines', () => {
    const long = 'كلمة '.repeat(400).trim();
    const doc = withStrings([long]);
    expect(toYaml(doc)).toContain(`  title: ${long}\n`);
  });
});
