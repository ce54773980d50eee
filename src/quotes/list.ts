import { span, words, type Found } from './clause.js';
import { findSubject } from './np.js';
import type { View } from './view.js';

/** Nouns that announce a list of demands or proposals («представила требования:»). */
const LIST_NOUNS = /^(требование|условие|предложение|рекомендация|претензия|тезис|принцип|пункт)$/;
/** Verbs that present such a list. */
const PRESENT = /^(представить|представлять|выдвинуть|выдвигать|изложить|излагать|сформулировать|перечислить|озвучить|назвать|предъявить|выставить|направить)$/;

/**
 * Lists introduced by a colon: «Организация представила следующие требования:» and then
 * paragraphs opening with dashes. The items together are what the source demanded or proposed,
 * one indirect quote whose cue is the verb of presenting.
 * @example
 * // «МПК представил требования:¶— ПКР обязан…;¶— участие спортсменов…» → one quote, speaker «МПК»
 */
export function listQuotes(v: View): Found[] {
  const out: Found[] = [];
  for (let c = v.bodyStart; c + 2 < v.bodyEnd; c++) {
    if (!v.isPunct(c, ':') || v.quoteOf[c] >= 0 || !v.lineBreak(c, c + 1) || !v.isDash(c + 1)) continue;
    const [s] = v.sentence(c);
    if (c - s > 40) continue;
    let verb = -1;
    for (let k = s; k < c; k++) if (v.pos(k) === 'VERB' && PRESENT.test(v.lemma(k))) { verb = k; break; }
    if (verb < 0) continue;
    // The list noun is the verb's object, within a few words of it («представила следующие основные требования»).
    let noun = -1;
    for (let k = verb + 1; k < c && k <= verb + 5; k++) if (v.isWord(k) && LIST_NOUNS.test(v.lemma(k))) { noun = k; break; }
    if (noun < 0) continue;
    const np = findSubject(v, s, verb) ?? findSubject(v, verb + 1, noun, true);
    if (np === null) continue;
    // The items run while each new line opens with a dash.
    let end = c + 2;
    let t = c + 2;
    for (; t < v.bodyEnd; t++) {
      if (t > c + 2 && v.lineBreak(t - 1, t) && !v.isDash(t)) break;
      if (!v.isDash(t) || !v.lineBreak(t - 1, t)) end = t + 1;
    }
    while (end > c + 2 && v.isPunct(end - 1, '.;,')) end--;
    const sp = span(v, c + 2, end);
    if (sp === null || words(v, c + 2, end) < 4) continue;
    out.push({ kind: 'indirect', segments: [sp], cueS: verb, cueE: verb + 1, verb, speaker: np, oblique: false });
    c = t - 1;
  }
  return out;
}
