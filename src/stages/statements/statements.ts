/**
 * Statements: one record per reporting clause. A reporting verb from the lexicon anchors the clause;
 * the speaker is the actor named right after it (Arabic VSO: "أكد الرئيس …") or right before it
 * (headlines: "علييف يؤكد"), else the last speaker of the paragraph (وأضاف، مضيفا). Relays
 * ("نقلت X عن Y") give `via`; attributions (بحسب X) give a statement or the `via` of one; the
 * content runs from the complementizer (أن، إن، :) or the quotation mark to the end of the sentence.
 */
import type { Context, Draft, KeyedSpan, Sentence } from '../../core/context.ts';
import type { Span } from '../../core/source-text.ts';
import { tokenAt, type Token } from '../../core/tokens.ts';
import { valueOfType } from '../../core/phrase-matcher.ts';
import { actorsStartingIn, datesWithin, memo, sortedDates, tokensInDates } from '../../core/by-sentence.ts';
import type { SpeechLex } from '../../packs/pack.ts';
import type { Statement } from '../../schema/index.ts';


/** Actor mention that starts within token k (a proclitic may precede it). */
export function actorAtToken(ctx: Context, k: number): KeyedSpan | undefined {
  const t = ctx.tokens[k];
  return t ? actorsStartingIn(ctx, t.start, t.end)[0] : undefined;
}

/** Whether token i has no conjunction of its own and follows, with a space only, a word that opens a clause and no grammar knows. */
function afterClauseVerb(ctx: Context, i: number): boolean {
  const { tokens, pack, source } = ctx;
  const t = tokens[i]!;
  const p = tokens[i - 1];
  if (!p || pack.morphology.opensClause(t.text) || !/^\s+$/u.test(source.folded.slice(p.end, t.start))) return false;
  if (!pack.morphology.opensClause(p.text) || p.text.length < 4) return false;
  const bare = pack.morphology.stripConjunction(p.text) ?? p.text;
  const known = (w: string) => pack.stopwords.has(w) || pack.grammar.has('auxiliaries', w) || pack.grammar.has('connectives', w) || pack.grammar.has('modals', w) || pack.grammar.has('relatives', w) || pack.grammar.has('complementizers', w);
  if (known(p.text) || known(bare)) return false;
  // a known word ("وزير", "والجيش") is a noun, not a verb
  return !pack.entities.matchAt(tokens, i - 1) && !pack.speech.matchAt(tokens, i - 1) && !pack.time.matchAt(tokens, i - 1);
}

/** Actor mention that starts exactly at token k (no proclitic before it). */
function startingActor(ctx: Context, k: number): KeyedSpan | undefined {
  const a = actorAtToken(ctx, k);
  return a && a.start === ctx.tokens[k]!.start ? a : undefined;
}

/** "لإحصاءات وكالة «رويترز»": an actor within two words after token k, only spaces and quotation marks between. */
function sourceAfterNoun(ctx: Context, s: Sentence, k: number): KeyedSpan | undefined {
  const { tokens, source } = ctx;
  for (let j = k + 1; j <= k + 2 && tokens[j] && tokens[j]!.end <= s.end; j++) {
    if (!/^[\s"«»“”]*$/u.test(source.folded.slice(tokens[j - 1]!.end, tokens[j]!.start))) return undefined;
    const a = startingActor(ctx, j);
    if (a) return a;
  }
  return undefined;
}

/** Actor mention that ends with token k. */
function actorEndingAt(ctx: Context, k: number): KeyedSpan | undefined {
  const t = ctx.tokens[k];
  if (!t) return undefined;
  const byEnd = memo(ctx, 'actor-mentions-by-end', () => {
    const map = new Map<number, KeyedSpan>();
    for (const m of ctx.actorMentions) if (!map.has(m.end)) map.set(m.end, m);
    return map;
  });
  return byEnd.get(t.end);
}

function tokenIndexOfEnd(tokens: readonly Token[], end: number): number {
  return tokenAt(tokens, end) - 1;
}

/** Quotations inside a folded span: [open, close) spans of the inner words. */
export function quotesIn(ctx: Context, span: Span): Span[] {
  const text = ctx.source.folded;
  const out: Span[] = [];
  const closeOf = ctx.pack.quoteClose;
  const opens = ctx.pack.quoteOpenCodes;
  let i = span.start;
  while (i < span.end) {
    // most characters open nothing: test the code unit against a table before any string lookup
    if (opens[text.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    const close = closeOf.get(text[i]!)!;
    const end = text.indexOf(close, i + 1);
    if (end < 0 || end >= span.end) break;
    if (end > i + 1) out.push({ start: i + 1, end });
    i = end + 1;
  }
  return out;
}

function dateIn(ctx: Context, from: number, to: number): string | null {
  const d = datesWithin(ctx, from, to).find((x) => x.start);
  return d?.start ?? null;
}

interface Clause {
  verbSpan: Span;
  verbLex: Extract<SpeechLex, { type: 'verb' }> | null;
  verbText: string;
  speaker: KeyedSpan | undefined;
  via: KeyedSpan | undefined;
  addressee: KeyedSpan | undefined;
  contentStart: number;
  preStart: number;
  /** where the content ends when not at the sentence end (the clause before بحسب) */
  contentEnd?: number;
  rule: string;
}

export function findStatements(ctx: Context): void {
  const { tokens, pack, source } = ctx;
  const inDate = memo(ctx, 'tokens-in-dates', () => tokensInDates(ctx));
  const last: { speaker: { key: string; paragraph: number; sentence: number } | null } = { speaker: null };
  // the subject of the sentence before when it opens with a verb and its subject ("وبث التلفزيون
  // الرسمي مشاهد …. وأورد أن …"): who a subjectless reporting verb in the next sentence goes on with
  let opener: { key: string; paragraph: number; sentence: number } | null = null;
  // the vague source the text last quoted: "وأشار المصدر" refers back to it
  const vagueRef: { last: { key: string; paragraph: number } | null } = { last: null };
  let sentenceIndex = -1;
  // the body whose statement or report the text last mentioned: "البيان" as a later subject is its
  let issuer: string | null = null;
  // the subjects of the last reporting clause ("دعت الولايات المتحدة وبريطانيا …")
  let group: string[] = [];
  for (const s of ctx.sentences) {
    sentenceIndex++;
    const quotes = quotesIn(ctx, s);
    const inQuote = (pos: number) => quotes.some((q) => pos >= q.start && pos < q.end);
    const clauses: Clause[] = [];
    const firstTok = tokenAt(tokens, s.start);
    // "أصدرت المنظمة بيانا", "بيان صادر عن الجيش": who issued a document the sentence names
    issuer = issuerIn(ctx, s, firstTok) ?? issuer;
    const prefix = headlinePrefix(ctx, s, firstTok);
    if (prefix) clauses.push(prefix);
    for (let i = firstTok; i < tokens.length && tokens[i]!.end <= s.end; i++) {
      if (inQuote(tokens[i]!.start)) continue;
      const m = pack.speech.matchAt(tokens, i);
      if (!m) continue;
      const relay = m.values.some((v) => v.type === 'relay');
      const verb = m.values.find((v): v is Extract<SpeechLex, { type: 'verb' }> => v.type === 'verb') ?? null;
      const source_ = m.values.some((v) => v.type === 'source');
      const verbSpan = { start: m.start, end: tokens[m.last]!.end };
      let k = m.last + 1;
      if (relay) {
        // نقلت X عن Y [قوله]
        const channel = actorAtToken(ctx, k);
        // ('نقلت وكالة الأنباء السورية "سانا" عن …': the channel's own name in quotation marks is the channel's)
        const via = channel ? (quotedNameAfter(ctx, s, channel) ?? channel) : undefined;
        {
          let j = via ? tokenIndexOfEnd(tokens, via.end) + 1 : k;
          // "نقلت وكالة فرانس برس للأنباء عن …": a word or two may follow the channel's name; a channel
          // no lexicon knows ('نقلت خدمة «X» الإخبارية عن …') a few more, up to عن
          for (let skip = 0; skip < (via ? 2 : 8) && tokens[j] && tokens[j]!.end <= s.end && (via ? tokens[j]!.spaced : !/[:.!?]/u.test(source.folded.slice(tokens[j - 1]!.end, tokens[j]!.start))) && !pack.grammar.has('relay_source', tokens[j]!.word) && (inQuote(tokens[j]!.start) || !pack.grammar.has('complementizers', tokens[j]!.word)) && (!via || !actorAtToken(ctx, j)); skip++) j++;
          if (tokens[j] && pack.grammar.has('relay_source', tokens[j]!.word)) {
            const named = actorAtToken(ctx, j + 1);
            // "وكان المرصد قد نقل الأحد عن مصادر": a named source that passes on unnamed sources speaks
            const unnamed = named ? isVague(ctx, named) : !!tokens[j + 1] && pack.grammar.has('vague_sources', tokens[j + 1]!.word);
            // (a news agency or other medium relaying unnamed sources only relays: the sources speak)
            const relayer = via ?? subjectBeforeVerb(ctx, firstTok, i);
            const own = unnamed && relayer && actorByKey(ctx, relayer.key)?.kind !== 'media' ? relayer : undefined;
            const sp = own ?? named;
            if (own) {
              const after = named ? tokenIndexOfEnd(tokens, named.end) + 1 : j + 2;
              clauses.push({ verbSpan, verbLex: verb, verbText: source.evidence(verbSpan).text, speaker: own, via: undefined, addressee: undefined, contentStart: contentAfter(ctx, s, after, quotes), preStart: verbSpan.end, rule: 'statements:relays-unnamed-sources' });
              i = after - 1;
              continue;
            }
            if (sp) {
              j = tokenIndexOfEnd(tokens, sp.end) + 1;
              let verbText = source.evidence(verbSpan).text;
              let vs = verbSpan;
              if (tokens[j] && pack.grammar.has('saying_nouns', tokens[j]!.word)) {
                vs = { start: tokens[j]!.start, end: tokens[j]!.end };
                verbText = source.evidence(vs).text;
                j++;
              }
              clauses.push({ verbSpan: vs, verbLex: verb, verbText, speaker: sp, via: via && !isVague(ctx, via) ? via : undefined, addressee: undefined, contentStart: contentAfter(ctx, s, j, quotes), preStart: tokens[j]?.start ?? s.end, rule: 'statements:relayed-by-via' });
              i = j - 1;
              continue;
            }
          }
        }
        // a relay whose source is not found: the channel only relays, it is never the speaker
        continue;
      }
      if (source_) {
        // بحسب X: the clause before it is X's ("وفق ما أفادت X": a verb may stand between)
        const sv = pack.speech.matchAt(tokens, k);
        if (sv?.values.some((v) => v.type === 'verb')) k = sv.last + 1;
        // "وفقا لإحصاءات وكالة رويترز", "بحسب بيان الرئاسة": a word naming what the actor gave may stand between
        // (an unnamed source is no speaker: "وفقا لمصادر طبية", "حسبما قال ناشطون")
        const named = actorAtToken(ctx, k) ?? sourceAfterNoun(ctx, s, k);
        let sp = named && !isVague(ctx, named) ? named : undefined;
        // "according to an AFP journalist": a medium's unnamed reporter saw it; the medium is no speaker
        if (sp && actorKind(ctx, sp.key) === 'media') {
          const after = tokens[tokenIndexOfEnd(tokens, sp.end) + 1];
          if (after?.spaced && (pack.grammar.has('person_nouns', after.word) || !!pack.entities.matchAt(tokens, after.index, false)?.values.some((v) => v.type === 'title'))) sp = undefined;
        }
        const prev = clauses[clauses.length - 1];
        if (!prev && sp && i === firstTok) {
          // "وبحسب المرصد، يشارك …": the attribution opens the sentence, the claim follows it
          const after = tokenIndexOfEnd(tokens, sp.end) + 1;
          clauses.push({ verbSpan, verbLex: null, verbText: source.evidence(verbSpan).text, speaker: sp, via: undefined, addressee: undefined, contentStart: Math.min(tokens[after]?.start ?? s.end, s.end), preStart: verbSpan.end, rule: 'statements:according-to-opening' });
          i = after - 1;
          continue;
        }
        if (prev) {
          // "…، بحسب بيان الرئاسة": the attribution closes the clause before it
          prev.contentEnd ??= m.start;
          if (sp && !prev.via && prev.speaker?.key !== sp.key) prev.via = sp;
        } else if (sp) {
          // "وتدور حاليا، وفق المرصد، "اشتباكات عنيفة …"": an attribution set off by commas inside the
          // claim, the quoted claim going on after it: the content runs on to the sentence's end
          const after = tokens[tokenIndexOfEnd(tokens, sp.end) + 1];
          const gap = after && after.end <= s.end ? source.folded.slice(sp.end, after.start) : '';
          const quotedOn = /^\s*,\s*$/u.test(gap.replace(/["«“]\s*$/u, '')) && quotes.some((q) => q.start === after!.start);
          clauses.push({ verbSpan, verbLex: null, verbText: source.evidence(verbSpan).text, speaker: sp, via: undefined, addressee: undefined, contentStart: s.start, preStart: s.start, contentEnd: quotedOn ? s.end : m.start, rule: 'statements:according-to' });
        }
        // (past the verb of "حسبما أفادت X": it is the attribution's, no clause of its own)
        i = Math.max(m.last, k - 1);
        continue;
      }
      if (!verb) continue;
      // "لشجب الصراع", "بطلب من": a preposition glued to the verb's form makes it a verbal noun
      if (pack.morphology.nominalizingProclitic(m.proclitic)) continue;
      // "وأجّج طلب أرمينيا المخاوف": a bare verb form right after a word that opens a clause with its
      // conjunction (another verb) is a noun there ("the request"), not a reporting clause
      if (i > firstTok && afterClauseVerb(ctx, i)) continue;
      // speaker after the verb, allowing a date or an adverb in between ("أكد الأحد الرئيس …");
      // a participle ("متهمة الجيش …") continues the last speaker: the actor after it is its object
      let speaker: KeyedSpan | undefined;
      let rule = 'statements:verb-then-speaker';
      // where the language puts the subject first ("Straw said", "Khan, 45, told AFP"), the actor
      // after the verb is whom it was said to unless no subject stands before it
      let toWhom: KeyedSpan | undefined;
      if (pack.subjectFirst && !verb.participle) {
        speaker = subjectBefore(ctx, firstTok, i, inDate);
        if (speaker) {
          rule = 'statements:speaker-then-verb';
          toWhom = actorAtToken(ctx, k);
          if (toWhom) k = tokenIndexOfEnd(tokens, toWhom.end) + 1;
        }
      }
      // "The statement added", '"…," the statement said': where subjects come first, a document as
      // the subject speaks for the body that last issued one (or the paragraph's last speaker)
      if (!speaker && pack.subjectFirst && !verb.participle && documentSubject(ctx, s, firstTok, i)) {
        const by = issuer ?? (last.speaker && last.speaker.paragraph >= s.paragraph - 1 ? last.speaker.key : null);
        if (by) {
          speaker = { start: -1, end: -1, key: by };
          rule = 'statements:document-of-issuer';
        }
      }
      // "لكن وسائل الإعلام الرسمية اتهمت التحالف …": inside a sentence, a verb with no conjunction right
      // after its subject (SVO) has its object after it (not after a preposition: "ومع روسيا أكد الرئيس")
      if (!pack.subjectFirst && !speaker && !verb.participle && i > firstTok && !pack.morphology.opensClause(tokens[i]!.text)) {
        const before = subjectBeforeVerb(ctx, firstTok, i);
        const at = before ? tokenAt(tokens, before.start) : -1;
        const head = tokens[at];
        const lead = tokens[at - 1];
        const leadWord = lead ? (pack.morphology.opensClause(lead.text) ? pack.morphology.stripConjunction(lead.text) : lead.text) ?? lead.text : '';
        const governed = !!lead && at - 1 >= firstTok && pack.stopwords.has(leadWord) && !pack.grammar.has('connectives', lead.word) && !pack.grammar.has('connectives', leadWord) && !pack.grammar.has('complementizers', lead.word);
        if (before && head && head.start === before.start && !governed) {
          speaker = before;
          rule = 'statements:speaker-then-verb';
        }
      }
      // (where subjects come first, only in an inverted attribution: '"…," said X', '…, said X'; never
      // after a verb whose object is the hearer: '"…," a witness told AFP')
      const hearer = pack.grammar.has('addressee_verbs', tokens[i]!.word);
      const inverted = !hearer && (!pack.subjectFirst || i === firstTok || /[,"'«»:]/u.test(source.folded.slice(tokens[i - 1]?.end ?? s.start, tokens[i]!.start)));
      // "كما اتهموا القوات …": a verb whose ending is its own plural subject has its object after it
      const carries = pack.morphology.verbCarriesSubject(tokens[i]!.word.text);
      // "ووصف الوضع …" after an earlier clause of the sentence: a conjoined verb goes on with that
      // clause's speaker, and an unknown noun after it is its object
      const goesOn = clauses.length > 0 && pack.morphology.opensClause(tokens[i]!.text);
      for (let j = k; inverted && !carries && !speaker && !verb.participle && j < k + 4 && j < tokens.length && tokens[j]!.end <= s.end; j++) {
        speaker = voiceOf(ctx, j) ?? actorAtToken(ctx, j) ?? titledHolder(ctx, s, j, inDate);
        if (speaker && goesOn && isObjectNoun(ctx, speaker)) {
          speaker = undefined;
          break;
        }
        if (speaker) {
          k = tokenIndexOfEnd(tokens, speaker.end) + 1;
          // "المفوض السامي للأمم المتحدة لشؤون اللاجئين فيليبو غراندي": the office's holder named after it;
          // 'وكالة الأنباء السورية الرسمية "سانا"': the body's own name in quotation marks after it
          const holder = holderAfter(ctx, s, speaker, inDate);
          if (holder) speaker = holder;
          const named = quotedNameAfter(ctx, s, speaker);
          if (named) speaker = named;
          k = tokenIndexOfEnd(tokens, speaker.end) + 1;
          break;
        }
        // "دعت كل من X و Y": words that open a list of subjects; a date; or, in a language whose subjects
        // come first, a function word or a description before the name ('said the People's Daily',
        // 'said shopkeeper Sarah Mendel')
        if (!inDate[j] && !pack.grammar.has('subject_openers', tokens[j]!.word) && !pack.grammar.has('verb_adverbials', tokens[j]!.word) && !(pack.subjectFirst && (pack.stopwords.has(tokens[j]!.text) || !pack.nameShaped(source.original, source.toOriginal(tokens[j]!).start, source.toOriginal(tokens[j]!).end)))) break;
      }
      // "وأضاف البيان": a document written as known refers back to the body that issued it
      const doc = speaker ? undefined : tokens[k];
      if (doc && doc.end <= s.end && pack.grammar.has('document_nouns', doc.word)) {
        const from = issuedBy(ctx, k);
        if (from) {
          // "أوضح بيان صادر عن مكتب العلاقات العامة": the body named with the document speaks
          speaker = from;
          k = tokenIndexOfEnd(tokens, from.end) + 1;
          rule = 'statements:document-issued-by';
        } else if (pack.morphology.isDefinite(doc.text) || verb.verb.in_document) {
          // "وجاء في بيان مشترك لهذه الدول": an indefinite document after "جاء في" is also the last issuer's
          const by = issuer ?? last.speaker?.key;
          if (!by) continue;
          speaker = { start: -1, end: -1, key: by };
          rule = 'statements:document-of-issuer';
          k++;
        }
      }
      if (!speaker) {
        speaker = subjectBeforeVerb(ctx, firstTok, i);
        if (speaker) rule = 'statements:speaker-then-verb';
      }
      // "Erdogan echoed Putin's comments, saying …": where subjects come first, a participle's
      // subject is the sentence's own subject when it opens the sentence
      if (!speaker && verb.participle && pack.subjectFirst) {
        const opening = actorsStartingIn(ctx, tokens[firstTok]!.start, tokens[Math.min(firstTok + 3, i - 1)]?.end ?? s.start)[0];
        if (opening && opening.end <= verbSpan.start) {
          speaker = opening;
          rule = 'statements:participle-of-sentence-subject';
        }
      }
      // "وأشار المصدر إلى أن …": a vague source written as known is the one last quoted
      const lastVague = vagueRef.last;
      if (speaker && speaker.start >= 0 && lastVague && lastVague.paragraph >= s.paragraph - 1 && pack.grammar.has('vague_references', tokens[tokenAt(tokens, speaker.start)]!.word)) {
        speaker = { start: speaker.start, end: speaker.end, key: lastVague.key };
        rule = 'statements:vague-source-referred-back';
      }
      // the subject of the clause before, in this sentence or the paragraph's last one
      const fromOpener = opener && opener.sentence === sentenceIndex - 1 && opener.paragraph === s.paragraph && (!last.speaker || last.speaker.sentence < opener.sentence) ? opener : null;
      const previous = clauses[clauses.length - 1]?.speaker ?? fromOpener ?? (last.speaker && last.speaker.paragraph >= s.paragraph - 1 ? last.speaker : null);
      // (only when the verb has no subject of its own: "وأضاف أن …", not "واعتبر حكمت حاجييف أن …")
      if (!speaker && previous && (verb.participle || carries || (goesOn && clauses.length > 0) || ((i === firstTok || ctx.pack.morphology.opensClause(tokens[i]!.text)) && opensClause(ctx, s, k, inDate)))) {
        speaker = { start: -1, end: -1, key: previous.key };
        rule = verb.participle ? 'statements:participle-continues-speaker' : previous === fromOpener ? 'statements:subject-of-sentence-before' : 'statements:pronoun-speaker-from-paragraph';
      }
      // "…," he said: a subject pronoun stands for the paragraph's last speaker
      // (with a quotation in the sentence: '"…," he said', not 'he shouted')
      if (!speaker && previous && i > firstTok && quotes.length > 0 && pack.grammar.has('pronouns', tokens[i - 1]!.word)) {
        speaker = { start: -1, end: -1, key: previous.key };
        rule = 'statements:pronoun-subject-from-paragraph';
      }
      if (!speaker) continue;
      // addressee: "في رسالة إلى X", "إلى X" right after the speaker; the content follows it
      let addressee: KeyedSpan | undefined = toWhom;
      let cStart = contentAfter(ctx, s, k, quotes);
      for (let j = k; j < k + 6 && j < tokens.length && tokens[j]!.end <= s.end; j++) {
        if (pack.grammar.has('addressee_markers', tokens[j]!.word) && tokens[j]!.start < cStart + 40) {
          addressee = actorAtToken(ctx, j + 1);
          if (addressee) {
            if (cStart < addressee.end) cStart = contentAfter(ctx, s, tokenAt(tokens, addressee.end), quotes);
            break;
          }
        }
        if (pack.grammar.has('complementizers', tokens[j]!.word)) break;
      }
      // "طلب جاويش أوغلو نظيره الروسي سيرغي لافروف، إرسال تحذير": asked whom, then what
      if (!addressee && verb.verb.stance === 'demands') {
        const first = actorsStartingIn(ctx, cStart, cStart + 1)[0];
        const after = first ? tokens[tokenAt(tokens, first.end)] : undefined;
        if (first && after && after.end <= s.end && /,/u.test(source.folded.slice(first.end, after.start))) {
          addressee = first;
          cStart = after.start;
        }
      }
      // nothing said after the verb ("\"It hit her,\" Cheema told AFP."): the quotation before it is the content
      // ("…, police said.": the words before the attribution)
      const clauseStart = speaker.start >= 0 ? Math.min(speaker.start, verbSpan.start) : verbSpan.start;
      // '…, Holden told reporters near the scene.': after a verb whose object is the hearer, words
      // that no complementizer, colon or quotation opens are that hearer, not what was said
      const hearerOnly = hearer && !addressee && hearerWords(ctx, s, k, cStart);
      // (where subjects come first: an attribution closes what it attributes; in any language, a
      // verb with nothing after its subject: "…، الأمر الذي نفاه الجيش")
      if ((pack.subjectFirst && hearerOnly) || nothingAfter(ctx, s, cStart)) {
        const before = quotes.filter((q) => q.end <= clauseStart).pop();
        const prior = clauses[clauses.length - 1];
        // "The ministry denounced the murder, state news agency SANA said": a news medium closing a
        // clause that has a speaker of its own relayed it; it is that clause's channel, not a speaker
        if (!before && prior?.speaker && !prior.via && speaker.key !== prior.speaker.key && actorKind(ctx, speaker.key) === 'media') {
          prior.via = speaker;
          prior.contentEnd ??= trimConnective(ctx, prior.contentStart, clauseStart);
          continue;
        }
        const from = before ? before.start - 1 : Math.max(s.start, prior?.contentEnd ?? prior?.verbSpan.end ?? s.start);
        const to = before ? before.end + 1 : trimConnective(ctx, from, clauseStart);
        if (to > from) {
          clauses.push({ verbSpan, verbLex: verb, verbText: source.evidence(verbSpan).text, speaker, via: undefined, addressee, contentStart: from, contentEnd: to, preStart: verbSpan.end, rule: `${rule}-after-${before ? 'quote' : 'clause'}` });
          continue;
        }
      }
      // "دعت الولايات المتحدة وبريطانيا وفرنسا إلى …": each conjoined subject says it
      const speakers = [speaker];
      if (speaker.start >= 0) {
        let j = tokenIndexOfEnd(tokens, speaker.end) + 1;
        while (j < tokens.length && tokens[j]!.end <= s.end && tokens[j]!.spaced) {
          const also = actorAtToken(ctx, j);
          if (!also || also.start === tokens[j]!.start || !pack.morphology.opensClause(tokens[j]!.text)) break;
          speakers.push(also);
          j = tokenIndexOfEnd(tokens, also.end) + 1;
        }
        if (speakers.length > 1 && !addressee) cStart = Math.max(cStart, contentAfter(ctx, s, j, quotes));
      }
      // "دعت X وY … وجاء في بيان مشترك": the document of a clause with several subjects is each one's
      if (rule === 'statements:document-of-issuer' && group.includes(speaker.key)) for (const key of group) if (key !== speaker.key) speakers.push({ start: -1, end: -1, key });
      speakers.forEach((sp, n) => {
        clauses.push({ verbSpan, verbLex: verb, verbText: source.evidence(verbSpan).text, speaker: sp, via: undefined, addressee, contentStart: cStart, preStart: verbSpan.end, rule: n === 0 ? rule : 'statements:conjoined-speaker' });
      });
      if (rule !== 'statements:document-of-issuer') group = speakers.map((x) => x.key);
      i = Math.max(i, tokenAt(tokens, cStart) - 1);
    }
    clauses.forEach((c, n) => {
      // a clause ends where the next reporting clause of the sentence begins ("…، فيما نفت …")
      const next = clauses[n + 1];
      // (from the start of the next verb's word: its glued conjunction is no part of this content)
      // (or from its subject, when the subject stands before it: "…، لكن وسائل الإعلام اتهمت")
      const nextSubject = next?.speaker && next.speaker.start >= 0 && next.speaker.start < next.verbSpan.start && next.speaker.start > c.contentStart ? next.speaker.start : Infinity;
      const nextAt = next ? Math.min(next.verbSpan.start, nextSubject, tokens[tokenAt(tokens, next.verbSpan.start + 1) - 1]?.start ?? next.verbSpan.start) : 0;
      const contentEnd = c.contentEnd ?? (next && nextAt > c.contentStart ? trimConnective(ctx, c.contentStart, nextAt) : s.end);
      // a date before the verb dates it only if no earlier clause's content holds it; conjoined
      // subjects of one verb ("ويوم السبت، دعت X وY") share the first one's floor
      let f = n;
      while (f > 0 && clauses[f - 1]!.verbSpan.start === c.verbSpan.start) f--;
      const floor = f > 0 ? (clauses[f - 1]!.contentEnd ?? c.verbSpan.start) : s.start;
      pushStatement(ctx, s, c, contentEnd, quotes, Math.min(floor, c.verbSpan.start));
      c.contentEnd = contentEnd;
      if (c.speaker) last.speaker = { key: c.speaker.key, paragraph: s.paragraph, sentence: sentenceIndex };
      if (c.speaker && isVague(ctx, c.speaker)) vagueRef.last = { key: c.speaker.key, paragraph: s.paragraph };
      // "قال الجيش في بيان", "أصدرت المنظمة تقريرا": the clause's speaker issued the document
      if (c.speaker && mentionsDocument(ctx, c.verbSpan.start, contentEnd)) issuer = c.speaker.key;
    });
    // a sentence with no reporting clause that opens with a verb and its subject
    const second = tokens[firstTok + 1];
    const subject = clauses.length === 0 && second && pack.morphology.opensClause(tokens[firstTok]!.text) && !actorAtToken(ctx, firstTok) ? startingActor(ctx, firstTok + 1) : undefined;
    opener = subject && second!.end <= s.end ? { key: subject.key, paragraph: s.paragraph, sentence: sentenceIndex } : null;
  }
}

function actorByKey(ctx: Context, key: string) {
  return memo(ctx, 'actor-by-key', () => new Map(ctx.records.actors.map((a) => [a.key, a]))).get(key);
}

/**
 * "وقال مسؤولو وزارة الصحة", "وقال حساب الجيش الإسرائيلي على تويتر": a noun in construct that speaks
 * for the body after it (its officials, its account). The body is the speaker; the phrase is its text.
 */
function voiceOf(ctx: Context, j: number): KeyedSpan | undefined {
  const { tokens, pack, source } = ctx;
  const head = tokens[j];
  const next = tokens[j + 1];
  if (!head || !next) return undefined;
  const gap = source.folded.slice(head.end, next.start);
  if (pack.grammar.has('voice_heads', head.word) && /^\s+$/u.test(gap)) {
    const body = startingActor(ctx, j + 1);
    return body ? { start: head.start, end: body.end, key: body.key } : undefined;
  }
  // 'منظمة "أطباء بلا حدود"': a class noun of bodies, then the body's name in quotation marks
  const open = gap.trim();
  if (!pack.grammar.has('body_nouns', head.word) || open.length !== 1 || pack.quoteOpenCodes[open.charCodeAt(0)] !== 1) return undefined;
  const body = startingActor(ctx, j + 1);
  if (!body) return undefined;
  const close = pack.quoteClose.get(open)!;
  return { start: head.start, end: source.folded[body.end] === close ? body.end + 1 : body.end, key: body.key };
}

/**
 * "رئيس المكتب السياسي لحركة حماس إسماعيل هنية": an office no lexicon completes, opened by a title word
 * at token j, whose holder is named within its complement.
 */
function titledHolder(ctx: Context, s: Sentence, j: number, inDate: Uint8Array): KeyedSpan | undefined {
  const t = ctx.tokens[j];
  if (!t || !valueOfType(ctx.pack.entities.matchAt(ctx.tokens, j, false)?.values, 'title')) return undefined;
  return holderFrom(ctx, s, t, inDate);
}

/** Whether a speaker is a vague source ("مصادر", "ناشطون"): its head word says so. */
function isVague(ctx: Context, sp: KeyedSpan): boolean {
  if (sp.start < 0) return false;
  const t = ctx.tokens[tokenAt(ctx.tokens, sp.start)];
  return !!t && ctx.pack.grammar.has('vague_sources', t.word);
}

/**
 * "علييف يؤكد", "باشينيان قد طلب", "روسيا كانت قد أعلنت": the actor right before the verb at token i
 * (auxiliaries between). Not "… ضابط للجيش، وأضاف": a verb with its conjunction, or set off by
 * punctuation, opens a clause of its own.
 */
function subjectBeforeVerb(ctx: Context, firstTok: number, i: number): KeyedSpan | undefined {
  const { tokens, pack, source } = ctx;
  let b = i - 1;
  while (b > firstTok && pack.grammar.has('auxiliaries', tokens[b]!.word)) b--;
  const joined = tokens[i]!.spaced && !/[\p{P}\n]/u.test(source.folded.slice(tokens[i - 1]?.end ?? 0, tokens[i]!.start));
  return joined && !pack.morphology.opensClause(tokens[i]!.text) ? actorEndingAt(ctx, b) : undefined;
}

/** An unknown common noun taken for a subject ("الوضع", "الجانبين"): no lexicon, title or vague-source head names it. */
function isObjectNoun(ctx: Context, sp: KeyedSpan): boolean {
  const a = actorByKey(ctx, sp.key);
  return !!a && a.rule === 'actors:subject-of-reporting-verb' && a.kind === 'organization' && a.title === null;
}

/**
 * The person who holds the office named as a speaker, named right after it with the office's
 * complement between ("المفوض السامي للأمم المتحدة لشؤون اللاجئين فيليبو غراندي", "نائبة المتحدث باسم
 * الحكومة، X"): the person speaks; the phrase from the office to the name is the speaker's text.
 */
function holderAfter(ctx: Context, s: Sentence, office: KeyedSpan, inDate: Uint8Array): KeyedSpan | undefined {
  const a = actorByKey(ctx, office.key);
  if (!a || a.kind === 'person' || a.title === null) return undefined;
  return holderFrom(ctx, s, office, inDate);
}

/** The person named within the complement of an office that runs from `office` (see holderAfter). */
function holderFrom(ctx: Context, s: Sentence, office: Span, inDate: Uint8Array): KeyedSpan | undefined {
  const { tokens, pack, source } = ctx;
  const first = tokenIndexOfEnd(tokens, office.end) + 1;
  for (let j = first; j < first + 8 && j < tokens.length && tokens[j]!.end <= s.end; j++) {
    let t = tokens[j]!;
    let gap = source.folded.slice(tokens[j - 1]!.end, t.start);
    // "قائد عمليات الأنبار (الجيش) اللواء الركن ناصر غنام": a word or two in brackets inside the office
    if (/^\s*\(\s*$/u.test(gap)) {
      let c = j;
      while (c < j + 3 && tokens[c + 1] && !source.folded.slice(tokens[c]!.end, tokens[c + 1]!.start).includes(')')) c++;
      const after = tokens[c + 1];
      if (!after || after.end > s.end || !/^\s*\)\s*$/u.test(source.folded.slice(tokens[c]!.end, after.start))) return undefined;
      j = c + 1;
      t = after;
      gap = ' ';
    }
    if (!/^\s+$/u.test(gap) && !pack.morphology.isCommaGap(gap)) return undefined;
    const person = startingActor(ctx, j);
    if (person && actorByKey(ctx, person.key)?.kind === 'person') return { start: office.start, end: person.end, key: person.key };
    if (pack.morphology.isCommaGap(gap) && !person) return undefined;
    // what is said, when it is said, or someone else ("لنظيره", "ابنها") ends the office's complement
    const w = t.word;
    // (a preposition of place or of belonging stays inside it: "المبعوث الخاص إلى ليبيا")
    const inside = pack.grammar.has('locative', w) || pack.grammar.has('in', w) || pack.grammar.has('of', w);
    if (inDate[j] || (pack.stopwords.has(t.text) && !inside) || pack.grammar.has('complementizers', w) || pack.grammar.has('kinship', w) || pack.grammar.has('person_nouns', w) || pack.speech.matchAt(tokens, j)) return undefined;
    // "لنظيره الروسي سيرغي لافروف": a person after a glued preposition is someone the office addresses
    const governed = actorAtToken(ctx, j);
    if (governed && governed.start !== t.start && actorByKey(ctx, governed.key)?.kind === 'person') return undefined;
    if (person) j = tokenIndexOfEnd(tokens, person.end);
  }
  return undefined;
}

/**
 * 'وكالة الأنباء السورية الرسمية "سانا"', 'منظمة "هيومن رايتس ووتش"': a body's own name in quotation
 * marks right after it (a definite adjective or two may stand between) is the same speaker. The name
 * becomes part of the speaker's text and is no quotation of what was said; a known actor named in it
 * is the speaker.
 */
function quotedNameAfter(ctx: Context, s: Sentence, sp: KeyedSpan): KeyedSpan | undefined {
  const { tokens, pack, source } = ctx;
  // (only after a class noun of bodies: 'وقال الجيش "نحن مستعدون"' quotes what the army said)
  const head = tokens[tokenAt(tokens, sp.start)];
  if (!head || !pack.grammar.has('body_nouns', head.word)) return undefined;
  let j = tokenIndexOfEnd(tokens, sp.end) + 1;
  for (let n = 0; n < 2 && tokens[j]?.spaced && tokens[j]!.end <= s.end && pack.morphology.isDefinite(tokens[j]!.text) && !actorAtToken(ctx, j); n++) j++;
  const t = tokens[j];
  const before = tokens[j - 1];
  if (!t || !before || t.end > s.end) return undefined;
  const gap = source.folded.slice(before.end, t.start);
  const open = gap.trimStart();
  if (open.length !== 1 || !/^\s/u.test(gap) || ctx.pack.quoteOpenCodes[open.charCodeAt(0)] !== 1) return undefined;
  const close = source.folded.indexOf(ctx.pack.quoteClose.get(open)!, t.start);
  if (close < 0 || close > s.end) return undefined;
  // a name: at most four words, none of them a function word
  const inner = tokenAt(tokens, close);
  if (inner - j > 4 || inner <= j) return undefined;
  for (let q = j; q < inner; q++) if (pack.stopwords.has(tokens[q]!.text) || pack.grammar.has('complementizers', tokens[q]!.word)) return undefined;
  const named = startingActor(ctx, j);
  const key = named && named.end <= close ? named.key : sp.key;
  return { start: sp.start, end: close + 1, key };
}

/** "بيان صادر عن X", "تقرير عن X": the actor after عن within two words of the document noun at k. */
function issuedBy(ctx: Context, k: number): KeyedSpan | undefined {
  const { tokens, pack } = ctx;
  for (let j = k + 1; j <= k + 2 && tokens[j]?.spaced; j++) {
    if (pack.grammar.has('relay_source', tokens[j]!.word)) return actorAtToken(ctx, j + 1);
    if (actorAtToken(ctx, j)) return undefined;
  }
  return undefined;
}

/** The last actor of sentence s that issues a document: "أصدرت المنظمة بيانا", "بيان صادر عن الجيش". */
function issuerIn(ctx: Context, s: Sentence, firstTok: number): string | null {
  const { tokens, pack } = ctx;
  let found: string | null = null;
  for (let k = firstTok; k < tokens.length && tokens[k]!.end <= s.end; k++) {
    if (!pack.grammar.has('document_nouns', tokens[k]!.word) || pack.morphology.isDefinite(tokens[k]!.text)) continue;
    const by = issuedBy(ctx, k) ?? (tokens[k]!.spaced ? actorEndingAt(ctx, k - 1) : undefined);
    if (by) found = by.key;
  }
  return found;
}

/** Whether a document noun ("بيان", "تقرير") stands between two offsets. */
function mentionsDocument(ctx: Context, from: number, to: number): boolean {
  const { tokens } = ctx;
  for (let k = tokenAt(tokens, from); k < tokens.length && tokens[k]!.end <= to; k++) if (ctx.pack.grammar.has('document_nouns', tokens[k]!.word)) return true;
  return false;
}

/**
 * A headline that opens with an actor and a colon ("الأمم المتحدة: الذبح ... جرائم حرب") gives that
 * actor's claim. A state before the colon is where the news is from ("سوريا: 30 قتيلا") unless the
 * claim opens with another actor it speaks about ("باكستان: الهند انتهكت").
 */
function headlinePrefix(ctx: Context, s: Sentence, firstTok: number): Clause | null {
  const { tokens, source } = ctx;
  const t = tokens[firstTok];
  if (!t || ctx.tokenZones[firstTok] !== 'title') return null;
  const actor = actorAtToken(ctx, firstTok);
  if (!actor || actor.start !== t.start) return null;
  const j = tokenIndexOfEnd(tokens, actor.end);
  const next = tokens[j + 1];
  if (!next || next.end > s.end || ctx.tokenZones[j + 1] !== 'title') return null;
  const gap = source.folded.slice(tokens[j]!.end, next.start);
  const colon = gap.indexOf(':');
  if (colon < 0 || gap.includes('\n')) return null;
  if (actorKind(ctx, actor.key) === 'state') {
    const about = actorAtToken(ctx, j + 1);
    if (!about || about.start !== next.start || about.key === actor.key) return null;
  }
  const at = tokens[j]!.end + colon;
  const verbSpan = { start: at, end: at + 1 };
  return { verbSpan, verbLex: null, verbText: source.evidence(verbSpan).text, speaker: actor, via: undefined, addressee: undefined, contentStart: next.start, preStart: next.start, rule: 'statements:headline-prefix' };
}

/**
 * The subject right before a reporting verb: an actor ending at the token before it (auxiliaries
 * skipped: "Russia has warned"), or before an apposition between commas ("Khan, 45, said", "Ban,
 * the UN chief, told").
 */
function subjectBefore(ctx: Context, firstTok: number, verbTok: number, inDate: Uint8Array): KeyedSpan | undefined {
  const { tokens, pack, source } = ctx;
  let b = verbTok - 1;
  // auxiliaries and a date between the subject and its verb: "Essid on Saturday announced"
  while (b > firstTok && (pack.grammar.has('auxiliaries', tokens[b]!.word) || inDate[b] === 1 || (pack.grammar.has('day_nouns', tokens[b]!.word) && inDate[b + 1] === 1))) b--;
  if (b < firstTok) return undefined;
  // an apposition closed by a comma right before the verb: the comma that opens it, looking back
  let opening = -1;
  if (/^\s*,\s*$/u.test(source.folded.slice(tokens[b]!.end, tokens[b + 1]!.start))) {
    for (let a = b; a > firstTok && a > b - 16 && opening < 0; a--) if (/,/u.test(source.folded.slice(tokens[a - 1]!.end, tokens[a]!.start))) opening = a;
  }
  // "Lal Ahmadzai, the police spokesman in northern Afghanistan, said": the person before the apposition
  // speaks; the actor at its end ("Afghanistan") is not the subject
  const before = opening > 0 ? actorEndingAt(ctx, opening - 1) : undefined;
  if (before && actorByKey(ctx, before.key)?.kind === 'person') return before;
  const direct = actorEndingAt(ctx, b);
  // a short phrase of place or affiliation after the subject: "a police captain from the village told",
  // "Police in Kabul said" (the place at its end is where the subject is, not who speaks)
  const owner = ownerOfPhrase(ctx, firstTok, b);
  if (direct && owner && direct.start > owner.end && pack.grammar.has('place_prepositions', tokens[tokenIndexOfEnd(tokens, owner.end) + 1]!.word)) return owner;
  if (direct) return direct;
  if (owner) return owner;
  return opening > 0 ? (before ?? ownerOfPhrase(ctx, firstTok, opening - 1)) : undefined;
}

/** "a police captain from the village": the actor before a short phrase of place or affiliation ending at token b. */
function ownerOfPhrase(ctx: Context, firstTok: number, b: number): KeyedSpan | undefined {
  const { tokens, pack } = ctx;
  for (let a = b; a > firstTok && a >= b - 4 && tokens[a]!.spaced; a--) {
    if (pack.grammar.has('place_prepositions', tokens[a]!.word) || pack.grammar.has('of', tokens[a]!.word)) {
      const owner = actorEndingAt(ctx, a - 1);
      if (owner) return owner;
    }
  }
  return undefined;
}

/**
 * Whether a document noun is the subject of the verb at token i: it stands right before the verb
 * (auxiliaries aside) and only determiners come between it and the start of its clause (the
 * sentence's start or punctuation): "The statement added", '"…," the statement said'; not "In a
 * statement posted online".
 */
function documentSubject(ctx: Context, s: Sentence, firstTok: number, i: number): boolean {
  const { tokens, pack, source } = ctx;
  let d = i - 1;
  while (d > firstTok && pack.grammar.has('auxiliaries', tokens[d]!.word)) d--;
  if (d < firstTok || !pack.grammar.has('document_nouns', tokens[d]!.word)) return false;
  let a = d;
  while (a > firstTok && pack.grammar.has('determiners', tokens[a - 1]!.word) && tokens[a]!.spaced) a--;
  return a === firstTok || /[,"'«»:]/u.test(source.folded.slice(tokens[a - 1]?.end ?? s.start, tokens[a]!.start));
}

function actorKind(ctx: Context, key: string): string | undefined {
  return actorByKey(ctx, key)?.kind;
}

/** Whether the content found after token k starts at k itself with no complementizer, colon or quotation mark to open it. */
function hearerWords(ctx: Context, s: Sentence, k: number, cStart: number): boolean {
  const { tokens, pack, source } = ctx;
  const t = tokens[k];
  if (!t || t.end > s.end || cStart !== t.start) return false;
  if (pack.grammar.has('complementizers', t.word)) return false;
  return !/[:"'«»“”‘]/u.test(source.folded.slice(tokens[k - 1]?.end ?? s.start, t.start));
}

/** Whether only punctuation is left of the sentence from a folded offset. */
function nothingAfter(ctx: Context, s: Sentence, from: number): boolean {
  return !/[\p{L}\p{N}]/u.test(ctx.source.folded.slice(from, s.end));
}

/** True when token k starts the reported clause itself (أن/إن, a date, a quotation, a preposition), not a subject. */
function opensClause(ctx: Context, s: Sentence, k: number, inDate: Uint8Array): boolean {
  const t = ctx.tokens[k];
  if (!t || t.end > s.end) return true;
  const gap = ctx.source.folded.slice(ctx.tokens[k - 1]?.end ?? s.start, t.start);
  if (/[:"«']/u.test(gap)) return true;
  return inDate[k] === 1 || ctx.pack.grammar.has('complementizers', t.word) || ctx.pack.stopwords.has(t.text) || ctx.pack.morphology.hasProcliticArticle(t.text);
}

/** Move an end offset back over a connective and punctuation: "…الهجوم، فيما" → "…الهجوم". */
function trimConnective(ctx: Context, start: number, end: number): number {
  const { tokens } = ctx;
  let e = end;
  let k = tokenAt(tokens, end) - 1;
  // (and an article left before the subject: "…, the Anadolu news agency said")
  while (k >= 0 && tokens[k]!.start >= start && (ctx.pack.grammar.has('connectives', tokens[k]!.word) || ctx.pack.grammar.has('determiners', tokens[k]!.word))) {
    e = tokens[k]!.start;
    k--;
  }
  while (e > start && /[\s,.;:-]/u.test(ctx.source.folded[e - 1]!)) e--;
  return e;
}

/** Where the reported content starts: after أن/إن/:, or at a quotation mark, else right after the speaker (and any date). */
function contentAfter(ctx: Context, s: Sentence, k0: number, quotes: Span[]): number {
  const { tokens, source } = ctx;
  let k = k0;
  for (;;) {
    const t = tokens[k];
    const d = t && memo(ctx, 'tokens-in-dates', () => tokensInDates(ctx))[k] ? sortedDates(ctx).find((x) => x.span.start <= t.start && x.span.end > t.start) : undefined;
    if (!d || !t || t.end > s.end) break;
    k = tokenAt(tokens, d.span.end);
  }
  // "وقال مهمند - حسبما نقلت قناة طلوع - إن …": an aside between dashes or in brackets right after
  // the speaker is skipped; what is said comes after it
  const open = tokens[k] ? /^\s*([-–(])\s*$/u.exec(source.folded.slice(tokens[k - 1]?.end ?? s.start, tokens[k]!.start))?.[1] : undefined;
  if (open) {
    const close = open === '(' ? ')' : open;
    for (let j = k + 1; j < tokens.length && tokens[j]!.end <= s.end && j < k + 16; j++) {
      if (source.folded.slice(tokens[j - 1]!.end, tokens[j]!.start).includes(close)) {
        k = j;
        break;
      }
    }
  }
  for (let j = k; j < tokens.length && tokens[j]!.end <= s.end && j < k + 12; j++) {
    const t = tokens[j]!;
    const gap = source.folded.slice(tokens[j - 1]?.end ?? s.start, t.start);
    if (gap.includes(':')) return t.start;
    const q = quotes.find((x) => x.start <= t.start && x.end >= t.end);
    if (q) return q.start - 1;
    if (ctx.pack.grammar.has('complementizers', t.word)) return t.start;
    // "المساعدة التي يمكن أن تقدمها": a complementizer past a relative pronoun is not the speech's;
    // "نفى … أي علاقة، مؤكدا أن …": one past another reporting verb belongs to that clause
    if (ctx.pack.grammar.has('relatives', t.word)) break;
    if (j > k && ctx.pack.speech.matchAt(tokens, j)?.values.some((v) => v.type === 'verb')) break;
  }
  return tokens[k]?.start !== undefined && tokens[k]!.start < s.end ? tokens[k]!.start : s.end;
}

/**
 * "اتّهم القادة أذربيجان، صباح الأحد، بقصف …": a date set off by commas among the first words of the
 * content, before what is said, dates the saying; one after the claim ("… باستهداف جيشه، السبت")
 * dates the act and is left to it.
 */
function parentheticalDate(ctx: Context, content: Span): string | null {
  const { tokens, source } = ctx;
  const k0 = tokenAt(tokens, content.start);
  const limit = tokens[k0 + 4]?.start ?? content.end;
  const d = datesWithin(ctx, content.start, Math.min(content.end, limit + 1)).find((x) => x.start && x.span.start > content.start);
  if (!d?.start) return null;
  const before = source.folded.slice(tokens[tokenAt(tokens, d.span.start) - 1]?.end ?? content.start, d.span.start);
  const next = tokens[tokenAt(tokens, d.span.end)];
  const after = source.folded.slice(d.span.end, next?.start ?? d.span.end);
  return ctx.pack.morphology.isCommaGap(before) && ctx.pack.morphology.isCommaGap(after) ? d.start : null;
}

/** "سيتم استئناف المفاوضات اليوم": "today" in the speaker's own words is the day they spoke. */
function todayIn(ctx: Context, content: Span): string | null {
  for (const d of datesWithin(ctx, content.start, content.end)) {
    if (!d.start) continue;
    const tm = ctx.pack.time.matchAt(ctx.tokens, tokenAt(ctx.tokens, d.span.start), false);
    if (tm && tm.values.some((v) => v.type === 'relative_day' && v.offset === 0 && v.part === null)) return d.start;
  }
  return null;
}

function pushStatement(ctx: Context, s: Sentence, c: Clause, contentEnd: number, quotes: Span[], dateFloor: number): void {
  const { source } = ctx;
  let end = contentEnd;
  let start = c.contentStart;
  // leave the closing full stop and a leading dash (after a dateline credit) out of the content
  while (end > start && /[.\s,]/u.test(source.folded[end - 1]!)) end--;
  while (start < end && /[\s\-–—:]/u.test(source.folded[start]!)) start++;
  if (end <= start) return;
  const contentSpan = { start, end };
  const content = source.evidence(contentSpan);
  const inner = quotes.filter((q) => q.start >= contentSpan.start && q.end <= contentSpan.end + 1);
  const quoteTexts = inner.map((q) => source.evidence(q).text);
  const bare = source.folded.slice(contentSpan.start, contentSpan.end).replace(/["'«»]/gu, '').trim();
  const quotedLen = inner.reduce((n, q) => n + (q.end - q.start), 0);
  const kind: Statement['kind'] = inner.length === 0 ? 'indirect' : quotedLen >= bare.length - 2 ? 'direct' : 'mixed';
  const evidence = [source.evidence(c.verbSpan), content];
  if (c.speaker && c.speaker.start >= 0) evidence.push(source.evidence(c.speaker));
  const draft: Draft<Statement> = {
    key: ctx.nextKey('stm'),
    speaker: c.speaker?.key ?? null,
    speaker_text: c.speaker && c.speaker.start >= 0 ? source.evidence(c.speaker).text : null,
    via: c.via?.key ?? null,
    addressee: c.addressee?.key ?? null,
    verb: c.verbText,
    kind,
    quotes: quoteTexts,
    content: content.text,
    stance: c.verbLex?.verb.stance ?? 'asserts',
    // an attribution ("…، بحسب X") is dated by what follows it, never by the content before it
    date: c.contentEnd !== undefined && c.contentStart === s.start ? dateIn(ctx, c.verbSpan.end, s.end) : (dateIn(ctx, c.preStart, c.contentStart) ?? dateIn(ctx, dateFloor, c.verbSpan.start) ?? parentheticalDate(ctx, contentSpan) ?? todayIn(ctx, contentSpan)),
    rule: c.rule,
    evidence,
  };
  ctx.records.statements.push(draft);
}
