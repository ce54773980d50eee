/**
 * `npm run build:known-forms`: writes models/known-forms.bin, the morphology's table of the most
 * frequent word forms' analyses (src/morph/known-forms.ts), read before computing a new form.
 *
 * Frequencies: the word forms of build-df's background corpus (RT_1, BSNLP, NEREL, factRuEval;
 * never kw/russia_today_0, where the bench times the pipeline, nor kw/ng_0), as the segmenter cuts
 * them. The KNOWN_FORMS (default 20 000) most frequent forms are analysed by a Morphology without a
 * table; a form is kept only where the table's row gives back exactly what was computed
 * (FormInfo.difference: the candidates' numbers, the tags, the facts, the first lemma), so forms
 * whose analysis the row cannot hold (a reading az makes up, an undeclined name offered as it
 * stands, a second candidate with a lemma of its own) are left to be computed.
 *
 * The rows are what the morphology computes now: rerun after any change to it (its rules, az, the
 * override lexicon); test/known-forms.test.ts says when the shipped table is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Doc } from '../src/doc.js';
import { layout } from '../src/layout/index.js';
import { segment } from '../src/segment/index.js';
import { dictionaryFingerprint, tagAt, tagTableSize } from '../src/morph/az.js';
import { C_PARSE } from '../src/morph/candidate.js';
import { FormInfo, isAnalysable } from '../src/morph/form-info.js';
import { decodeKnownForms, encodeKnownForms, KNOWN_FORMS_URL, type KnownForm } from '../src/morph/known-forms.js';
import { Morphology } from '../src/morph/morphology.js';
import { backgroundTexts } from './build-df.js';
import { dataDir } from './eval/data.js';

const count = Number(process.env.KNOWN_FORMS ?? 20_000);
if (!Number.isInteger(count) || count < 1) {
  console.error(`build-known-forms: KNOWN_FORMS must be a positive integer, not ${process.env.KNOWN_FORMS}`);
  process.exit(2);
}
const t0 = Date.now();

const freq = new Map<string, number>();
const texts = backgroundTexts(dataDir());
for (const { text } of texts) {
  const doc = new Doc(text);
  layout(doc);
  segment(doc);
  for (const t of doc.tokens) if (t.kind === 'word' && isAnalysable(t.text)) freq.set(t.text, (freq.get(t.text) ?? 0) + 1);
}
// Most frequent first; ties in code-unit order, so the table is the same on every run.
const ranked = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([form]) => form);

const computed = new Morphology({ knownForms: null });
const tagNumber = new Map<object, number>();
for (let i = 0; i < tagTableSize(); i++) tagNumber.set(tagAt(i)!, i);

/** The row of a form, or why it has none. */
function rowOf(form: string): KnownForm | string {
  const info = computed.formInfo(form);
  if (info.count === 0) return 'no candidates';
  if (info.data[C_PARSE] < 0) return 'first candidate made up';
  const tags: number[] = [];
  for (const t of info.tags) {
    const n = tagNumber.get(t);
    if (n === undefined) return 'a tag not in az\'s table';
    tags.push(n);
  }
  return { form, lemma: info.tok(0, computed).lemma, tags, data: info.data };
}

const skipped = new Map<string, number>();
const skip = (why: string): void => { skipped.set(why, (skipped.get(why) ?? 0) + 1); };
let rows: KnownForm[] = [];
for (const form of ranked) {
  if (rows.length >= count) break;
  const r = rowOf(form);
  if (typeof r === 'string') skip(r);
  else rows.push(r);
}
// Each row read back through a Morphology with the table must give what was computed.
const readBack = new Morphology({ knownForms: decodeKnownForms(encodeKnownForms(rows, dictionaryFingerprint()), 'the table being built') });
rows = rows.filter((r) => {
  const why = FormInfo.difference(readBack.formInfo(r.form), computed.formInfo(r.form));
  if (why !== undefined) skip(`read back otherwise (${why.split(' ')[0]})`);
  return why === undefined;
});
const bin = encodeKnownForms(rows, dictionaryFingerprint());
const check = new Morphology({ knownForms: decodeKnownForms(bin, 'the table being built') });
const wrong = rows.filter((r) => FormInfo.difference(check.formInfo(r.form), computed.formInfo(r.form)) !== undefined);
if (wrong.length > 0) throw new Error(`build-known-forms: ${wrong.length} rows still read back otherwise (${wrong[0].form})`);

const out = fileURLToPath(KNOWN_FORMS_URL);
writeFileSync(out, bin);
const covered = rows.reduce((sum, r) => sum + (freq.get(r.form) ?? 0), 0);
const tokens = [...freq.values()].reduce((a, b) => a + b, 0);
console.log(
  `build-known-forms: ${texts.length} texts, ${tokens} word tokens, ${freq.size} distinct forms; ` +
    `${rows.length} rows (${((100 * covered) / tokens).toFixed(1)} % of the tokens), skipped: ` +
    `${[...skipped].map(([why, n]) => `${why} ${n}`).join(', ') || 'none'}; ${out} ${(bin.length / 1e6).toFixed(2)} MB; ` +
    `${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
