/**
 * Names no lexicon knows, in a language whose pack finds runs of name words (a script with case:
 * English capitalised words). The pack says where the runs are; this decides from context what each
 * one names, with the same rules for any such language:
 * - the parts of a run that a lexicon already reads (a title, a demonym, a month, a known place) are
 *   not part of an unknown name; what is left between them is;
 * - a run with an organisation word ("Party", "Times") is a body, and a body that speaks is an actor;
 * - a run with a facility word in it or right after it ("Lady Reading Hospital", "Enfidha airport")
 *   is a named site; after a place preposition ("in Hackney") or before a place cue ("Damascus
 *   province") a run is a place;
 * - otherwise a run of two or more words, or one word with a person's context (an age between
 *   commas, a reporting verb next to it), is a person.
 */
import type { Context, PlaceDraft } from '../../core/context.ts';
import { foldKey, type Span } from '../../core/source-text.ts';
import { tokenBefore, type Token } from '../../core/tokens.ts';
import { addActor, isReportedZone, mergeActorInto, nameRunsOf, registerAliases, type MentionIndex } from './mentions.ts';
import { addPlace } from './places.ts';

/** Whether token k is read by a lexicon or is a function word: it cannot be part of an unknown name. */
function lexical(ctx: Context, k: number): boolean {
  const { tokens, pack } = ctx;
  const t = tokens[k]!;
  if (pack.stopwords.has(t.text) || pack.grammar.has('title_modifiers', t.word) || pack.grammar.has('not_names', t.word)) return true;
  // "Across Tainan", "Comedian Amy Schumer": a preposition or a noun of a person opening a sentence is no part of a name
  if (pack.grammar.has('place_prepositions', t.word) || pack.grammar.has('person_nouns', t.word)) return true;
  // a month or a weekday is never part of a name, not even with a possessive ("May's election")
  if (pack.time.matchAt(tokens, k, false)?.values.some((v) => v.type === 'month' || v.type === 'weekday')) return true;
  // "King's Cross": a word followed by a possessive is part of a name, whatever a lexicon says of it
  const next = tokens[k + 1];
  if (next && next.text === 's' && /^'$/u.test(ctx.source.folded.slice(t.end, next.start))) return false;
  if (pack.time.matchAt(tokens, k, false) || pack.speech.matchAt(tokens, k, false) || pack.numbers.matchAt(tokens, k, false)) return true;
  if (pack.casualties.matchAt(tokens, k, false) || pack.ceasefires.matchAt(tokens, k, false)) return true;
  const em = pack.entities.matchAt(tokens, k, false);
  return !!em && em.values.some((v) => v.type === 'title' || v.type === 'demonym' || v.type === 'institution' || v.type === 'group' || v.type === 'leader');
}

/** "African American", "Conservative British": a demonym (that is no country's name) ending a run is no part of a name ("Royal Canadian Mounted Police" keeps its own). */
function demonymAt(ctx: Context, k: number): boolean {
  const m = ctx.pack.entities.matchAt(ctx.tokens, k, false);
  return !!m && m.values.some((v) => v.type === 'demonym') && !m.values.some((v) => v.type === 'country' || v.type === 'person' || v.type === 'place');
}

/** Token ranges of the run that no mention covers and no lexicon reads. */
function unknownParts(ctx: Context, first: number, last: number, covered: (t: Token) => boolean, known: (folded: string) => boolean): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let start = -1;
  for (let k = first; k <= last + 1; k++) {
    const isPossessive = k <= last && ctx.tokens[k]!.text === 's' && k > 0 && /^'$/u.test(ctx.source.folded.slice(ctx.tokens[k - 1]!.end, ctx.tokens[k]!.start));
    // a possessive "s" starts no name ("Bhutto's Hackney"), and ends one the article already knows
    // ("Hollande's Socialists": Hollande is named in full elsewhere)
    const possessive = isPossessive && (start < 0 || known(foldKey(ctx.source.folded.slice(ctx.tokens[start]!.start, ctx.tokens[k - 1]!.end))));
    const free = k <= last && !possessive && !covered(ctx.tokens[k]!) && (k > start && start >= 0 ? (!ctx.pack.stopwords.has(ctx.tokens[k]!.text) || ctx.pack.grammar.has('name_particles', ctx.tokens[k]!.word)) && !(k === last && demonymAt(ctx, k)) : !lexical(ctx, k));
    if (free && start < 0) start = k;
    if (!free && start >= 0) {
      // a run does not end in a particle ("Abu" of "Abu Dhabi" alone is no name)
      let end = k - 1;
      while (end > start && ctx.pack.grammar.has('name_particles', ctx.tokens[end]!.word)) end--;
      parts.push([start, end]);
      start = -1;
    }
  }
  return parts;
}

export function findNameRuns(ctx: Context, idx: MentionIndex): void {
  const { tokens, pack, source } = ctx;
  const runs = nameRunsOf(ctx);
  if (runs.length === 0) return;
  // per token, whether a claimed span (a mention's, or a site's found here) overlaps it: an index, not a scan of every span per token
  const coveredTokens = new Uint8Array(tokens.length);
  const claim = (c: Span): void => {
    for (let k = tokenBefore(tokens, c.start) + 1; k < tokens.length && tokens[k]!.start < c.end; k++) if (tokens[k]!.end > c.start) coveredTokens[k] = 1;
  };
  for (const a of ctx.records.actors) for (const sp of a.spans) claim(sp);
  for (const p of ctx.records.places) for (const sp of p.spans) claim(sp);
  const covered = (t: Token): boolean => coveredTokens[t.index] === 1;
  const g = pack.grammar;
  const placeEnds = new Set(ctx.records.places.flatMap((p) => p.spans.map((s) => s.end)));
  const runPersons = new Set<string>();
  for (const run of runs) {
    if (!isReportedZone(ctx, tokens[run.first]!)) continue;
    // "Syria Street", "Lady Reading Hospital": a run that ends in a facility word is one named site,
    // whatever a lexicon reads in it
    if (run.last > run.first && g.has('facility_words', tokens[run.last]!.word)) {
      const siteSpan = { start: tokens[run.first]!.start, end: tokens[run.last]!.end };
      const siteName = source.evidence(siteSpan).text;
      addPlace(ctx, idx, { kind: 'site', name: siteName, name_native: siteName, country: null, lat: null, lon: null, geo_precision: null, rule: 'places:name-run-facility' }, `site:${foldKey(siteName)}`, siteSpan);
      claim(siteSpan);
      placeEnds.add(siteSpan.end);
      continue;
    }
    for (const [first, last] of unknownParts(ctx, run.first, run.last, covered, (folded) => idx.personAliases.has(folded) || idx.placeByIdentity.has(`run:${folded}`))) {
      if (!isReportedZone(ctx, tokens[last]!)) continue;
      const span = { start: tokens[first]!.start, end: tokens[last]!.end };
      const name = source.evidence(span).text;
      const words = tokens.slice(first, last + 1);
      // words as written apart: "Blood-spattered" is one
      const wordCount = words.filter((w, n) => n === 0 || w.spaced).length;
      const key = foldKey(name);
      const next = tokens[last + 1];
      const prev = tokens[first - 1];
      const nextSpaced = !!next && next.spaced;
      const prevSpaced = !!prev && tokens[first]!.spaced;
      // a surname of someone named in full: the alias pass gives it to that person (not after a
      // preposition of place: "in North Waziristan" is the place a run read as a person was)
      if (idx.personAliases.has(key) && !(prevSpaced && g.has('place_prepositions', prev.word))) continue;
      // one capitalised word at a sentence's start is as likely a common word
      const atSentenceStart = !prev || ctx.sentences.some((s) => s.start === tokens[first]!.start) || /[.!?:"\n]/u.test(source.folded.slice(prev.end, tokens[first]!.start));

      const facilityInside = words.length > 1 && g.has('facility_words', words[words.length - 1]!.word);
      const facilityAfter = nextSpaced && g.has('facility_words', next.word) && !pack.nameShaped(source.original, source.toOriginal(next).start, source.toOriginal(next).end);
      if (facilityInside || facilityAfter) {
        const siteSpan = facilityAfter ? { start: span.start, end: next!.end } : span;
        const siteName = source.evidence(siteSpan).text;
        addPlace(ctx, idx, { kind: 'site', name: siteName, name_native: siteName, country: null, lat: null, lon: null, geo_precision: null, rule: 'places:name-run-facility' }, `site:${foldKey(siteName)}`, siteSpan);
        claim(siteSpan);
        continue;
      }
      // "School of Tropical Medicine": the words after an organisation's "of" are still its name
      const ofBody = !!prev && g.has('of', prev.word) && first >= 2 && (g.has('org_words', tokens[first - 2]!.word) || g.has('facility_words', tokens[first - 2]!.word));
      if (ofBody) continue;
      // a name the article already reads as a place ("in Baton Rouge" … "Baton Rouge police") is that place again
      const knownPlace = idx.placeByIdentity.get(`run:${key}`);
      if (knownPlace) {
        addPlace(ctx, idx, knownPlace, `run:${key}`, span);
        claim(span);
        placeEnds.add(span.end);
        continue;
      }
      // an acronym or a line in capitals ("ITV", "DHKP-C", "EURASIA GROUPE") is a body, not a person
      const capitals = source.evidence(span).text.replace(/[^\p{L}]/gu, '');
      const allCapitals = capitals.length >= 2 && capitals === capitals.toUpperCase() && capitals !== capitals.toLowerCase();
      // "Hurriyet correspondent Hasim Kilic": a name before an office is whom the officer works for
      const titleAfter = nextSpaced && !!pack.entities.matchAt(tokens, last + 1, false)?.values.some((v) => v.type === 'title') && !pack.nameShaped(source.original, source.toOriginal(next).start, source.toOriginal(next).end);
      // "NORTHBRIDGE, March 15 (AFP) -": a name in capitals that opens a paragraph before a comma is
      // the dateline's place
      const lineStart = !prev || source.folded.slice(prev.end, tokens[first]!.start).includes('\n');
      if (allCapitals && lineStart && !!next && /^\s*,/u.test(source.folded.slice(span.end, next.start))) {
        addPlace(ctx, idx, { kind: 'city', name, name_native: name, country: null, lat: null, lon: null, geo_precision: null, rule: 'places:dateline' }, `run:${key}`, span);
        claim(span);
        placeEnds.add(span.end);
        continue;
      }
      // "the Anadolu news agency": organisation words written after the name belong to it; so do
      // capitalised ones of the same run ("Royal Canadian Mounted Police")
      let orgEnd = last;
      while (tokens[orgEnd + 1]?.spaced && g.has('org_words', tokens[orgEnd + 1]!.word) && (orgEnd + 1 <= run.last || !pack.nameShaped(source.original, source.toOriginal(tokens[orgEnd + 1]!).start, source.toOriginal(tokens[orgEnd + 1]!).end))) orgEnd++;
      if (allCapitals || titleAfter || orgEnd > last || words.some((w) => g.has('org_words', w.word))) {
        const orgSpan = { start: span.start, end: tokens[orgEnd]!.end };
        // (capitalised organisation words of the run are part of the name: "Royal Canadian Mounted Police")
        const orgName = orgEnd > last && orgEnd <= run.last ? source.evidence(orgSpan).text : name;
        addActor(ctx, idx, { identity: `org:${foldKey(orgName)}`, kind: 'organization', name: orgName, name_native: orgName, title: null, title_en: null, country: null, sector: null, wikidata: null, rule: 'actors:name-run-organisation' }, orgSpan);
        claim(orgSpan);
        continue;
      }
      const cue = nextSpaced ? pack.places.classOf(next.word)?.kind : undefined;
      // "Bab al-Tebbaneh", "Jabal Mohsen", "Al-Midan": a toponym head starts a place name
      const placeHead = g.has('place_heads', words[0]!.word) && wordCount >= 2 || (wordCount === 1 && words.length === 2 && g.has('name_particles', words[0]!.word));
      // "the districts of Goranboy, Terter and Agdam": a name listed after a place is a place
      const listed = !!prev && (prev.text === 'and' || prev.text === 'or' || /^\s*,\s*$/u.test(source.folded.slice(prev.end, tokens[first]!.start))) && (placeEnds.has(prev.end) || (!!tokens[first - 2] && placeEnds.has(tokens[first - 2]!.end)));
      // "the districts of Goranboy", "the town of Sevare": a name after a place noun and "of"
      const ofCue = prevSpaced && g.has('of', prev.word) && !!tokens[first - 2] && pack.places.classOf(tokens[first - 2]!.word) !== undefined;
      if (cue || placeHead || listed || ofCue || (prevSpaced && g.has('place_prepositions', prev.word))) {
        const kind: PlaceDraft['kind'] = cue ?? 'town';
        addPlace(ctx, idx, { kind, name, name_native: name, country: null, lat: null, lon: null, geo_precision: null, rule: cue ? 'places:name-run-cue' : listed ? 'places:name-run-listed' : 'places:name-run-after-preposition' }, `run:${foldKey(name)}`, span);
        claim(span);
        placeEnds.add(span.end);
        continue;
      }
      // a name the article already reads as a body ("Hurriyet correspondent" … "Hurriyet said") is that body again
      const knownBody = idx.actorByIdentity.get(`org:${key}`);
      if (knownBody) {
        addActor(ctx, idx, { identity: `org:${key}`, kind: knownBody.kind, name: knownBody.name, name_native: knownBody.name_native, title: null, title_en: null, country: knownBody.country, sector: knownBody.sector, wikidata: null, rule: knownBody.rule }, span);
        claim(span);
        continue;
      }
      const gapAfter = next ? source.folded.slice(span.end, next.start) : '';
      const age = !!next && /^\s*,\s*$/u.test(gapAfter) && /^\d{1,3}$/u.test(next.text);
      const speaks = (!!next && nextSpaced && !!pack.speech.matchAt(tokens, last + 1, false)) || (!!prev && prevSpaced && !!pack.speech.matchAt(tokens, first - 1, false));
      // a person is never "the" anything: "The Sun said" names a publication
      if (prev && g.has('not_names', prev.word) && prevSpaced && wordCount === 1) {
        addActor(ctx, idx, { identity: `org:${key}`, kind: 'organization', name, name_native: name, title: null, title_en: null, country: null, sector: null, wikidata: null, rule: 'actors:name-run-organisation' }, span);
        claim(span);
        continue;
      }
      // "Bastille Day", "Lunar New Year", "Cold War": the name of an event names no one
      if (wordCount >= 2 && g.has('event_name_words', tokens[last]!.word)) continue;
      // "Investigators said": one word opening a sentence that the article also writes in lower case is a common word
      if (wordCount === 1 && atSentenceStart && lowerCaseWords(ctx).has(tokens[first]!.text)) continue;
      if (wordCount >= 2 || age || (speaks && !atSentenceStart) || (speaks && !!next && nextSpaced)) {
        runPersons.add(`person:${foldKey(name)}`);
        addActor(ctx, idx, { identity: `person:${foldKey(name)}`, kind: 'person', name, name_native: name, title: null, title_en: null, country: null, sector: null, wikidata: null, rule: 'actors:name-run-person' }, span);
        registerAliases(ctx, idx, `person:${foldKey(name)}`, name);
        claim(span);
      }
    }
  }
  placesNamedAsPersons(ctx, idx, runPersons);
}

/**
 * "Fort Lauderdale airport was closed" … "in Fort Lauderdale": a run read as a person only for want of
 * context, where the article names a place the same, is that place (wherever the place came first).
 */
function placesNamedAsPersons(ctx: Context, idx: MentionIndex, runPersons: ReadonlySet<string>): void {
  if (runPersons.size === 0) return;
  const placeByName = new Map<string, PlaceDraft>();
  for (const p of ctx.records.places) for (const m of p.mentions) if (!placeByName.has(foldKey(m.text))) placeByName.set(foldKey(m.text), p);
  for (const identity of runPersons) {
    const person = idx.actorByIdentity.get(identity);
    const place = person && person.rule === 'actors:name-run-person' ? placeByName.get(foldKey(person.name)) : undefined;
    if (!person || !place) continue;
    person.spans.forEach((sp, n) => {
      if (place.spans.some((x) => x.start === sp.start)) return;
      place.spans.push(sp);
      place.mentions.push(person.mentions[n]!);
      place.evidence.push(person.mentions[n]!);
    });
    ctx.records.actors.splice(ctx.records.actors.indexOf(person), 1);
    idx.actorByIdentity.delete(identity);
    for (const [alias, id] of [...idx.personAliases]) if (id === identity) idx.personAliases.delete(alias);
  }
}

/** The folded words the article writes in lower case somewhere (worked out once per article). */
function lowerCaseWords(ctx: Context): Set<string> {
  let words = ctx.memo.get('lower-case-words') as Set<string> | undefined;
  if (!words) {
    words = new Set();
    const { tokens, source, pack } = ctx;
    for (const t of tokens) if (!pack.nameShaped(source.original, source.toOriginal(t).start, source.toOriginal(t).end)) words.add(t.text);
    ctx.memo.set('lower-case-words', words);
  }
  return words;
}

/**
 * A person named by one word ("Musharraf", "Ban") where the article also names exactly one person
 * whose full name has that word ("Pervez Musharraf", "Ban Ki-moon") is that person.
 */
export function mergeOneWordPersons(ctx: Context, idx: MentionIndex): void {
  const persons = ctx.records.actors.filter((a) => a.kind === 'person');
  const full = persons.filter((a) => foldKey(a.name).split(/[\s-]+/u).length >= 2);
  if (full.length === 0) return;
  for (const one of persons) {
    const word = foldKey(one.name);
    if (word.length < 3 || /[\s-]/u.test(word)) continue;
    const owners = full.filter((a) => a !== one && foldKey(a.name).split(/[\s-]+/u).includes(word));
    if (owners.length !== 1) continue;
    const into = owners[0]!;
    for (const [identity, a] of idx.actorByIdentity) if (a === one) idx.actorByIdentity.set(identity, into);
    mergeActorInto(ctx, idx, `person:${word}`, one, into);
    into.title ??= one.title;
    into.title_en ??= one.title_en;
  }
}
