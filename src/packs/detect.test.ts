import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect.ts';
import { createExtractor } from '../pipeline.ts';

describe('detectLanguage', () => {
  it.each([
    ['قال الرئيس الأذربيجاني إلهام علييف إن القوات تقدمت في كاراباخ.', 'ar'],
    ['LONDON, July 7 (AFP) - Four explosions tore apart packed underground trains, police said.', 'en'],
    ['Le président a déclaré que les forces de sécurité ont été déployées dans la ville.', 'fr'],
    ['El presidente dijo que los soldados del ejército llegaron a la ciudad con una misión.', 'es'],
    ['Der Präsident sagte, dass die Armee nicht in die Stadt einmarschiert ist und das auch nicht wird.', 'de'],
    ['رئیس جمهور گفت که این حمله را محکوم می کند و با دولت همکاری می کند.', 'fa'],
    ['Президент заявил, что войска вошли в город.', 'ru'],
    ['2020-11-01 12:00', 'und'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('reads English with Arabic names in it as English, and Arabic with Latin acronyms as Arabic', () => {
    expect(detectLanguage('The spokesman of Hamas (حماس) said the ceasefire held in Gaza on Monday and that talks were over.')).toBe('en');
    expect(detectLanguage('أعلنت وكالة AFP وقناة CNN أن الهدنة صامدة في غزة منذ يوم الاثنين.')).toBe('ar');
  });
});

describe('language of an article', () => {
  const extractor = createExtractor();
  const meta = { source: 'test', fallbackId: 't' };

  it('is detected from the text and sets article.language', () => {
    const doc = extractor.extract({ text: 'Police said at least 37 people were killed in London on Thursday.', published: '2005-07-07' }, meta);
    expect(doc.article.language).toBe('en');
    expect(doc.diagnostics.filter((d) => d.code === 'no_language_pack')).toEqual([]);
    expect(doc.places.map((p) => p.evidence[0]!.text)).toContain('London');
  });

  it('follows the input lang over the text', () => {
    const doc = extractor.extract({ text: 'Police said at least 37 people were killed in London on Thursday.', lang: 'ar', published: '2005-07-07' }, meta);
    expect(doc.article.language).toBe('ar');
    expect(doc.places).toEqual([]);
  });

  it('warns when no pack exists for the language, and keeps what needs no pack', () => {
    const text = 'Le président a déclaré le 2020-11-01 que les forces de sécurité ont été déployées dans la ville.';
    const doc = extractor.extract({ text, published: '2020-11-02' }, meta);
    expect(doc.article.language).toBe('fr');
    const warning = doc.diagnostics.find((d) => d.code === 'no_language_pack');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain("no language pack for 'fr'");
    expect(doc.dates.map((d) => [d.start, d.evidence[0]!.text])).toEqual([['2020-11-01', '2020-11-01']]);
  });
});
