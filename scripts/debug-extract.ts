// Print what the extractor finds in one article, for development:
//   npx tsx scripts/debug-extract.ts FILE [--json]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extract } from '../src/index.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: debug-extract FILE [--json]');
const doc = extract({ text: readFileSync(file, 'utf8') }, { source: file, fallbackId: basename(file).replace(/\.[^.]+$/u, '') });
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(doc, null, 1));
} else {
  const name = (id: string | null) => (id ? (doc.actors.find((a) => a.id === id)?.name ?? doc.places.find((p) => p.id === id)?.name ?? id) : '-');
  const a = doc.article;
  console.log(`ARTICLE ${a.id} published=${a.published} agency=${a.agency?.code} title=${a.title}\n  subtitle=${a.subtitle}\n  credits=${JSON.stringify(a.credits.map((c) => [c.person, c.organization]))}`);
  for (const x of doc.actors) console.log(`ACTOR ${x.id} ${x.kind} ${x.name} | ${x.title ?? ''} (${x.title_en ?? ''}) ${x.country ?? ''} aff=${name(x.affiliation)} [${x.mentions.map((m) => m.text).join(' / ')}] ${x.rule}`);
  for (const x of doc.places) console.log(`PLACE ${x.id} ${x.kind} ${x.name} ${x.country} ${x.lat},${x.lon} [${x.mentions.map((m) => m.text).join(' / ')}]`);
  for (const x of doc.dates) console.log(`DATE ${x.id} ${x.kind} "${x.text}" ${x.start}..${x.end} ${x.precision} ${x.part_of_day ?? ''} ${x.rule} ${x.ambiguity ?? ''} ${x.date_reason ?? ''}`);
  for (const x of doc.statements) console.log(`STMT ${x.id} ${name(x.speaker)} «${x.speaker_text}» ${x.verb} ${x.kind} ${x.stance} date=${x.date} via=${name(x.via)} to=${name(x.addressee)} quotes=${JSON.stringify(x.quotes)} :: ${x.content.slice(0, 80)} ${x.rule}`);
  for (const x of doc.casualties) console.log(`CAS ${x.id} ${x.outcome} "${x.number_text}" ${x.qualifier} ${x.low}/${x.best}/${x.high} ${x.display} ${x.group} ${x.scope} ${x.period_start}..${x.as_of} partial=${x.partial} higher=${x.may_be_higher} claimant=${name(x.claimant)} ${x.rule} [${x.evidence.map((e) => e.text).join(' | ')}]`);
  for (const x of doc.ceasefires) console.log(`CF ${x.id} ${x.kind} ${x.status} attempts=${x.attempts} parties=${x.parties.map(name).join(',')} as_of=${x.as_of} ${x.rule} [${x.evidence.map((e) => e.text).join(' | ')}]`);
  for (const x of doc.events) console.log(`EVT ${x.id} ${x.category} ${x.acled_event_type ?? ''}/${x.acled_sub_event_type ?? ''} "${x.trigger}" ${x.status} ${name(x.actor1)} vs ${name(x.actor2)} @${name(x.place)} ${x.start}..${x.end} civ=${x.civilian_targeting} claimed=${name(x.claimed_by)} cas=${x.casualties.join(',')}`);
  for (const d of doc.diagnostics) console.log(`DIAG ${d.severity} ${d.code} ${d.message}`);
}
