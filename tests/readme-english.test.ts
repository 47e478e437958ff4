/** The README's English example is real output of the library. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';
import { toReviewHtml } from '../src/writers/review.ts';
import { csvRows } from '../src/writers/csv.ts';
import { toYaml } from '../src/writers/yaml.ts';
import { acledRows } from '../src/writers/acled.ts';

const readme = readFileSync('README.md', 'utf8');
const block = (marker: string): string => {
  const m = new RegExp(`<!-- english-example: ${marker.replace(/[[\]]/gu, '\\$&')} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``, 'u').exec(readme);
  expect(m, marker).not.toBeNull();
  return m![1]!;
};

describe('README: English example', () => {
  const input = JSON.parse(block('input'));
  const doc = extract(input, { source: 'example.json', fallbackId: 'example' });

  it('shows the first casualty record exactly as extracted', () => {
    expect(JSON.parse(block('casualties[0]'))).toEqual(doc.casualties[0]);
  });

  it('says what else comes out', () => {
    expect(doc.article.language).toBe('en');
    expect(doc.actors.filter((a) => a.kind === 'person').map((a) => a.name)).toEqual(['Sarah Mendel', 'Tom Okafor']);
    expect(doc.places.map((p) => [p.name, p.mentions.map((m) => m.text)])).toEqual([['Northbridge market', ['Northbridge market']], ['NORTHBRIDGE', ['NORTHBRIDGE', 'Northbridge']]]);
    expect(doc.dates.map((d) => [d.start, d.text])).toEqual([['2021-03-15', 'March 15'], ['2021-03-15', 'on Monday']]);
    const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name;
    expect(doc.statements.map((s) => [name(s.speaker), name(s.addressee)])).toEqual([['police', undefined], ['Sarah Mendel', 'Agence France-Presse'], ['Tom Okafor', undefined]]);
    expect(doc.casualties.map((c) => `${c.outcome} ${c.display}`)).toEqual(['killed 12+', 'injured 30', 'missing 12+']);
    expect(name(doc.casualties[0]!.claimant)).toBe('police');
  });

  it('is written left to right on the review page, and as for Arabic in CSV and YAML', () => {
    expect(toReviewHtml(doc)).toContain('<html lang="en" dir="ltr">');
    expect(csvRows(doc, 'casualties')).toContain('killed at least 12 people');
    expect(toYaml(doc)).toContain('language: en');
    // the ACLED view: the car bomb, dated by the dateline, not a month read as a march
    expect(acledRows(doc).map((r) => [r.event_date, r.event_type, r.sub_event_type])).toEqual([['2021-03-15', 'Explosions/Remote violence', 'Remote explosive/landmine/IED']]);
  });
});
