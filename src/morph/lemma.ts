import type Az from 'az';

type Parse = Az.Parse;

/**
 * The lemma of one parse, by Universal Dependencies' Russian conventions (GSD, Taiga), which are
 * also what a reader expects:
 * - verb forms, participles (full and short) and gerunds → the infinitive (`сказавший` → `сказать`);
 * - short adjectives and comparatives → the full positive adjective (`известно`, `лучше` → `известный`, `хороший`),
 *   but full adjectives keep their own lexeme (`лучший`, `первый`, not `хороший`, `один`);
 * - surnames and patronymics keep their gender (`Быковской` → `быковская`, `Георгиевна`);
 * - lower-case, ё kept as the dictionary spells it.
 * OpenCorpora groups related lexemes in one paradigm (aspect pairs, первый/один, Иван/Иванович),
 * so among the forms with the lemma's grammemes the one closest in spelling to the word wins.
 *
 * @example
 * lemmaOf(az('Партиям')[0]); // 'партия'
 */
export function lemmaOf(p: Parse): string {
  const tag = p.tag;
  let n: Parse | false = false;
  switch (tag.POS) {
    case 'ADJF':
      n = closest(p, ADJ_LEMMA, tag.Supr !== undefined);
      break;
    case 'COMP':
    case 'ADJS':
      n = closest(p, ADJ_LEMMA, false);
      break;
    case 'NOUN':
      n = closest(p, tag.Surn || tag.Patr ? ['nomn', 'sing', tag.GNdr as string] : tag.Pltm ? PLTM_LEMMA : NOUN_LEMMA, undefined);
      break;
    case 'VERB':
    case 'INFN':
    case 'PRTF':
    case 'PRTS':
    case 'GRND':
      n = closest(p, VERB_LEMMA, undefined);
      break;
    case 'NUMR':
    case 'NPRO':
      n = p.normalize(true);
      break;
    default:
      n = p.normalize();
  }
  if (!n) n = p.normalize();
  if (!n) n = p;
  return n.toString().toLowerCase();
}

/**
 * The form of p's paradigm with all of `want` grammemes that is closest in spelling to p (so
 * within p's own lexeme where a paradigm groups several), or false.
 *
 * @example
 * closestForm(az('Соединённых')[0], ['PRTF', 'nomn', 'plur', 'past', 'pssv']); // соединённые
 */
export function closestForm(p: Parse, want: string[]): Parse | false {
  return closest(p, want, undefined);
}

/**
 * The form of p's paradigm with all of `want` (and Supr as `supr` says, when defined) whose
 * spelling shares the longest beginning with p's; false when none has them.
 */
function closest(p: Parse, want: string[], supr: boolean | undefined): Parse | false {
  const cnt = p.formCnt;
  const paradigm = p.paradigm;
  if (cnt === undefined || paradigm === undefined) return p.inflect(want);
  const word = p.toString();
  let best: Parse | false = false;
  let bestLen = -1;
  for (const i of matchingForms(p, paradigm, cnt, want, supr)) {
    const f = p.inflect(i);
    if (!f) continue;
    const s = f.toString();
    let l = 0;
    while (l < s.length && l < word.length && s.charCodeAt(l) === word.charCodeAt(l)) l++;
    if (l > bestLen) { best = f; bestLen = l; }
  }
  return best;
}

// Which forms of a paradigm have the wanted grammemes depends only on the paradigm (shared by
// many words), so it is computed once per paradigm and request.
// Keyed by the wanted grammemes, then by `supr` and the word's Name/Surn/Patr bits (a slot 0–23).
const formsByParadigm = new WeakMap<object, Map<string, Array<number[] | undefined>>>();

// The grammemes lemmaOf asks for, with their keys made once (not joined again per word).
const ADJ_LEMMA = ['ADJF', 'masc', 'sing', 'nomn'];
const NOUN_LEMMA = ['nomn', 'sing'];
const PLTM_LEMMA = ['nomn'];
const VERB_LEMMA = ['INFN'];
const wantKeys = new Map<string[], string>([ADJ_LEMMA, NOUN_LEMMA, PLTM_LEMMA, VERB_LEMMA].map((w) => [w, w.join(',')]));

// az's tags by their index in its tag table, learnt as paradigms are read: a paradigm is a list of
// tag indices, so its forms' tags can be tested without building each form.
const tagByIndex = new Map<number, Az.Tag>();

function matchingForms(p: Parse, paradigm: Uint16Array, cnt: number, want: string[], supr: boolean | undefined): number[] {
  const t0 = p.tag;
  const key = wantKeys.get(want) ?? want.join(',');
  const slot = (supr === undefined ? 0 : supr ? 8 : 16) | (t0.Name ? 4 : 0) | (t0.Surn ? 2 : 0) | (t0.Patr ? 1 : 0);
  let byKey = formsByParadigm.get(paradigm);
  if (byKey === undefined) formsByParadigm.set(paradigm, (byKey = new Map()));
  let bySlot = byKey.get(key);
  if (bySlot === undefined) byKey.set(key, (bySlot = []));
  let list = bySlot[slot];
  if (list === undefined) {
    list = [];
    for (let i = 0; i < cnt; i++) {
      const index = paradigm[cnt + i];
      let t = tagByIndex.get(index);
      if (t === undefined) {
        const f = p.inflect(i);
        if (!f) continue;
        t = f.tag;
        tagByIndex.set(index, t);
      }
      if (!want.every((g) => t[g] !== undefined && t[g] !== false)) continue;
      if (supr !== undefined && (t.Supr !== undefined) !== supr) continue;
      // Name, Surn and Patr lexemes share paradigms (Сергей/Сергеевич): stay within the word's own.
      if (!!t.Patr !== !!t0.Patr || !!t.Name !== !!t0.Name || !!t.Surn !== !!t0.Surn) continue;
      list.push(i);
    }
    bySlot[slot] = list;
  }
  return list;
}
