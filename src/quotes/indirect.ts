import { cueLexicon, openerKey, wordList, type VerbCue } from './lexicon.js';
import { STATEMENTS, CONJ, FINAL, FINAL_OR_CLAUSE, CONTENT_PREPS, antecedent, verbCue, words, span, shortQuotation, speakerOf, cueEnd, clauseStart, content, contentEnd, clauseLike, trailing, bodyAfterAddressee, personsTagged, type Found } from './clause.js';
import { animateNoun, canBeGenitive, findObject, findSubject, mediumToken, nounHead, ppObject, relative, singularGender, timeNoun, type NP } from './np.js';
import type { View } from './view.js';

/** The conjunctions that join words inside a phrase. */
const AND_OR = /^(и|или)$/;

/** Another clause after the cue verb's (built once, not per token scanned). */
const FINAL_COMMA_SEMICOLON = FINAL + ',;';

/** The possessive pronoun a phrase's POSS slot takes: «по его словам». */
const POSS = /^(его|её|ее|их)$/;

const INTRO = /^(причем|причём|однако|впрочем|но|а|и|также|теперь|сейчас|поэтому|итак|правда|кстати|между тем|более того)$/;

/** «Об этом …», «Такое заявление …»: a sentence that attributes the one before it. */
function backReference(v: View, s: number, i: number): boolean {
  const a = v.lower(s);
  const b = v.lemma(s + 1);
  if (a === 'об' && v.lower(s + 1) === 'этом') return true;
  return /^(такое|такой|такую|это|этот|соответствующее|подобное|подобный|данное|данный)$/.test(a) && STATEMENTS.test(b) && i > s + 1;
}

/** Matches a phrase cue starting at token i; returns the token after it and the pronoun slot. */
function phraseAt(v: View, i: number): { end: number; pron: number; quoted: boolean } | null {
  // Every phrase opens with a preposition or a conjunction, whose lemma is its lower-cased form;
  // looking the form up directly keeps this per-token check cheap.
  // Upper-case Cyrillic is looked up lower-cased: test its first letter and the length (which
  // lower-casing keeps for any word that can match) before building the lower-cased copy: most
  // words end here, without a copy or a map lookup.
  // The token's text, not the input at its span: a soft hyphen inside «согласно» is not a letter.
  const t = v.doc.tokens[i].text;
  const c = t.charCodeAt(0);
  const upper = c >= 0x410 && c < 0x430;
  const lx = cueLexicon();
  if (!lx.phraseOpeners.has(openerKey(upper ? c + 0x20 : c, t.length))) return null;
  const first = upper ? t.toLowerCase() : t;
  const list = lx.phrases.get(first);
  if (list === undefined) return null;
  // A longer phrase needs the next word among its group's second words: most words after «по» are
  // none, and then only one-word phrases are left to try.
  const seconds = lx.phraseSeconds.get(first)!;
  const next = i + 1 < v.n && (seconds.has(v.lemmaYo(i + 1)) || seconds.has(v.lowerYo(i + 1)) || (seconds.has('POSS') && POSS.test(v.lower(i + 1))));
  for (const ph of list) {
    if (!next && ph.lemmas.length > 1) continue;
    let k = i;
    let pron = -1;
    let ok = true;
    for (const lm of ph.lemmas) {
      if (k >= v.n) { ok = false; break; }
      if (lm === 'POSS') {
        if (!POSS.test(v.lower(k))) { ok = false; break; }
        pron = k;
      } else if (v.lemmaYo(k) !== lm && v.lowerYo(k) !== lm) { ok = false; break; }
      k++;
    }
    if (ok) return { end: k, pron, quoted: ph.quoted };
  }
  return null;
}

/**
 * Indirect quotes (and direct ones whose quotation marks follow a cue): X заявил, что … ·
 * По словам X, … · Как сообщил X, … · …, заявил X. · X сообщил: … · X предложил + infinitive.
 */
export function indirectQuotes(v: View): Found[] {
  const out: Found[] = [];
  for (let i = v.bodyStart; i < v.bodyEnd; i++) {
    if (v.used[i] || v.quoteOf[i] >= 0 || !v.isWord(i)) continue;
    const ph = phraseAt(v, i);
    if (ph !== null) {
      const [s, e] = v.sentence(i);
      const f = fromPhrase(v, i, ph, s, e);
      if (f !== null) { out.push(f); i = ph.end - 1; }
      continue;
    }
    const cue = verbCue(v, i);
    if (cue === undefined) continue;
    const [s, e] = v.sentence(i);
    const f = fromVerb(v, i, cue, s, e);
    if (f !== null) out.push(f);
  }
  return out;
}

function fromPhrase(v: View, i: number, ph: { end: number; pron: number; quoted: boolean }, s: number, e: number): Found | null {
  // A parenthetical source opens its clause («По словам X, …», «…, по словам X, …»); inside a
  // noun phrase («чемпион мира по версии WBC») the words are no cue.
  const opensClause = i === s || v.isPunct(i - 1, ',—–(.!?…:;«"') || (i - 1 === s && /^(однако|но|а|и|сейчас|теперь|также|ранее)$/.test(v.lower(s)));
  if (!opensClause) return null;
  let comma = ph.end;
  while (comma < e && !v.isPunct(comma, ',:') && comma - ph.end < 16) comma++;
  if (comma - ph.end >= 16 || (comma === e && i === s)) {
    // «По словам главы концерна Марио Мерена побережье Бразилии…»: the comma left out, the source ends with its name.
    const cut = nameEnd(v, ph.end, e);
    if (cut < 0 || i !== s) return null;
    comma = cut - 1;
    const np: NP = { s: ph.end, e: cut, head: cut - 1 };
    const end = contentEnd(v, cut, e);
    const c = clauseLike(v, cut, end) ? content(v, cut, end) : null;
    return c === null ? null : { ...c, cueS: i, cueE: ph.end, verb: -1, speaker: np, oblique: true };
  }
  // «…источника, по словам которого Токио убежден, что …»: the relative stands for the one named
  // before the comma, and the rest of its clause is the content.
  // (Not «согласно которому», a phrase that needs quotation marks: a law's or a plan's terms.)
  if (!ph.quoted && relative(v, ph.end) && i - 1 >= s && v.isPunct(i - 1, ',')) {
    const c = content(v, ph.end + 1, contentEnd(v, ph.end + 1, e));
    return c === null ? null : { ...c, cueS: i, cueE: ph.end, verb: -1, speaker: antecedent(v, ph.end, i - 1), oblique: true };
  }
  // The whole stretch up to the comma is the source: «по словам профессора и соавтора исследования Брайса-Оливье Демори».
  let np: NP | null = null;
  if (ph.pron >= 0) np = { s: ph.pron, e: ph.pron + 1, head: ph.pron };
  else if (comma > ph.end) {
    const obj = findObject(v, ph.end, comma);
    np = { s: ph.end, e: Math.min(comma, ph.end + 12), head: obj?.head ?? ph.end };
    // «По данным за 2016 год, …»: a time says when, not who (rule time-no-subject).
    if (timeNoun(v, nounHead(v, np))) np = null;
  }
  const before = i - 1 >= s && v.isPunct(i - 1, ',') ? i - 1 : -1;
  let c: ReturnType<typeof content> = null;
  // «по словам Крейга Мюррея, бывшего посла …, ему известно»: the content follows the appositions
  // and a relative clause after them (rule source-apposition); the first apposition with a name
  // is the source when the phrase before it names no one.
  if (np !== null && ph.pron < 0 && comma < e && v.isPunct(comma, ',')) {
    const a = appositions(v, comma, e, canBeGenitive);
    if (a.end > comma) {
      c = content(v, a.end + 1, contentEnd(v, a.end + 1, e));
      if (c !== null && a.named !== null && !capitalIn(v, np.s, np.e)) np = a.named;
    }
  }
  if (c === null) {
    if (comma < e) c = content(v, comma + 1, contentEnd(v, comma + 1, e));
    else if (before >= 0) c = content(v, s, before);
  }
  // «Согласно официальному заявлению, …», «Согласно Марку, …»: a statement or a person, not «согласно правилам».
  const source = np !== null && (cueLexicon().docNouns.has(v.lemmaYo(np.head)) || /^(данные|информация|сведение|оценка|прогноз)$/.test(v.lemma(np.head)) || v.has(np.head, 'Name') || v.has(np.head, 'Surn'));
  if (c === null || (ph.quoted && c.kind !== 'direct' && !source)) return null;
  return { ...c, cueS: i, cueE: ph.end, verb: -1, speaker: np, oblique: true };
}

/**
 * The appositions to a source after the comma at `comma` (up to three) and a relative clause after
 * them: the comma that closes the last (`comma` itself when there is none), and the first that holds
 * a capitalised word, as a phrase (rule source-apposition). `inCase` tells whether a noun may be in
 * the source's case (a genitive after `по словам`, a person's nominative after `как заявил`).
 */
function appositions(v: View, comma: number, e: number, inCase: (v: View, i: number) => boolean): { end: number; named: NP | null } {
  let end = comma;
  let named: NP | null = null;
  for (let n = 0; n < 3; n++) {
    const next = appositionEnd(v, end + 1, e, inCase);
    if (next < 0) break;
    if (named === null && capitalIn(v, end + 1, next)) named = { s: end + 1, e: Math.min(next, end + 13), head: findObject(v, end + 1, next)?.head ?? end + 1 };
    end = next;
  }
  return { end: relativeClauseEnd(v, end + 1, e) ?? end, named };
}

/**
 * The comma closing an apposition to a source, the apposition starting at `from` after the
 * source's comma: «по словам Крейга Мюррея, | бывшего посла Великобритании в Узбекистане, | ему
 * известно», «по словам бывшего премьера, | ныне спикера … Михаила Мясниковича, | экономика
 * растёт». A noun phrase opened by a lower-case noun or adjective (after words of the
 * apposition-opener list), its first noun a person's and possibly in the source's case
 * (`inCase`), with no verb, short adjective or subordinating conjunction; -1 for any other
 * stretch («По словам Одеговой, | бывших соратников возмутило то, что …», «По мнению эксперта, |
 * угрозы, исходящие …»).
 */
function appositionEnd(v: View, from: number, e: number, inCase: (v: View, i: number) => boolean): number {
  let k = from;
  while (k < e && v.isWord(k) && wordList('apposition-opener').has(v.lower(k))) k++;
  const first = v.pos(k);
  if (k >= e || !v.isWord(k) || v.isCapital(k) || (first !== 'NOUN' && first !== 'ADJF' && first !== 'PRTF')) return -1;
  let noun = false;
  for (let j = k; j < e && j < from + 14; j++) {
    if (v.isPunct(j, ',')) return noun ? j : -1;
    if (!v.isWord(j)) continue;
    const pos = v.pos(j);
    if (pos === 'VERB' || pos === 'INFN' || pos === 'PRTS' || pos === 'ADJS' || pos === 'GRND' || pos === 'PRED' || (pos === 'CONJ' && !AND_OR.test(v.lower(j)))) return -1;
    if (!noun && pos === 'NOUN') {
      if (!inCase(v, j) || !animateNoun(v, j)) return -1;
      noun = true;
    }
  }
  return -1;
}

/**
 * The comma closing a relative clause that starts at `from` («…, гендиректора компании Group-IB, |
 * которая занимается расследованием киберпреступлений, | эксперты зафиксировали»), within a few words.
 */
function relativeClauseEnd(v: View, from: number, e: number): number | undefined {
  if (!relative(v, from)) return undefined;
  for (let k = from + 1; k < e && k < from + 16; k++) if (v.isPunct(k, ',')) return k;
  return undefined;
}

/** A capitalised word among tokens s…e. */
function capitalIn(v: View, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (v.isWord(k) && v.isCapital(k)) return true;
  return false;
}

/**
 * The token after a personal name in the genitive that closes a source phrase («главы концерна
 * Марио Мерена | побережье…»): the name is capitalised and tagged, the next word is not part of it.
 */
function nameEnd(v: View, from: number, e: number): number {
  const tagged = (k: number) => v.has(k, 'Surn') || v.has(k, 'Name');
  const named = (k: number) => v.isWord(k) && v.isCapital(k) && (tagged(k) || (k > from && v.isCapital(k - 1) && tagged(k - 1)));
  for (let k = from; k < e && k < from + 8; k++) {
    if (!v.isWord(k) || v.pos(k) === 'VERB') return -1;
    if (named(k) && k + 1 < e && v.isWord(k + 1) && !v.isCapital(k + 1)) return words(v, k + 1, e) >= 3 ? k + 1 : -1;
  }
  return -1;
}

/**
 * Where the content of a cue inside a relative clause ends (rule relative-speaker): «Эксперты,
 * которые сказали, что рост замедлится, оказались правы» ends at «замедлится», before the comma
 * and the main clause's verb, which agrees with the relative pronoun opening the cue's clause at
 * `from` (its subject). `end` when the clause opens otherwise or no such verb follows.
 */
function relativeEnd(v: View, from: number, s: number, end: number): number {
  if (!relative(v, from) || !v.has(from, 'nomn')) return end;
  const plural = v.has(from, 'plur');
  const gender = singularGender(v, from);
  for (let k = s; k + 1 < end; k++) {
    if (!v.isPunct(k, ',') || v.quoteOf[k + 1] >= 0) continue;
    // «Песков, который накануне заявил, что встреча возможна, сегодня сказал»: adverbs and
    // particles may stand before the main clause's verb.
    let w = k + 1;
    while (w + 1 < end && (v.pos(w) === 'ADVB' || v.pos(w) === 'PRCL')) w++;
    if (v.pos(w) !== 'VERB') continue;
    // A past form has a gender in the singular; a present one has none.
    if (plural ? v.has(w, 'plur') : v.has(w, 'sing') && (v.has(w, 'pres') || v.has(w, 'futr') || v.has(w, gender))) return k;
  }
  return end;
}

function fromVerb(v: View, i: number, cue: VerbCue, s: number, e: number): Found | null {
  const cueE = cueEnd(v, i);
  // «Это говорит о том, что…», «что сказано»: a thing, not a source, is the subject.
  if (i - 1 >= s && /^(это|что|всё|все)$/.test(v.lower(i - 1))) return null;
  // «Как сообщил X, …» and «…, как сообщил X.»
  let kak = i - 1;
  while (kak >= s && (v.pos(kak) === 'ADVB' || (kak === i - 1 && /^(было|будет)$/.test(v.lower(kak))))) kak--;
  if (kak >= s && v.lower(kak) === 'как' && (kak === s || v.isPunct(kak - 1, ',') || v.pos(kak - 1) === 'ADVB' || v.lower(kak - 1) === 'что')) {
    let comma = cueE;
    while (comma < e && !v.isPunct(comma, ',')) comma++;
    // «Спешка, как говорится, важна…»: the idiom names no source and reports nothing; nor does a
    // naming aside (««Пурпурная смерть», как называли эту болезнь, породила…», «как назвал её поэт»).
    if (comma === cueE && /^говорит(ся|ь?ся)$|^говорилось$/.test(v.lower(i))) return null;
    if (NAME_VERB.test(v.lemmaYo(i))) return null;
    const found = cue.imp ? null : findSubject(v, cueE, comma, true);
    const body = found !== null ? bodyAfterAddressee(v, found, cueE, comma) : null;
    const subject = body === null ? found : null;
    // «Как пояснили в кремлёвском пуле РИА Новости»: the medium is the one told, the place speaks.
    // (findSubject may give the medium's last word only: «Новости» of «РИА Новости», a capitalised
    // inanimate noun; not a person after the medium talked to, «в беседе с RT эксперт X».)
    const told = subject !== null && (mediumToken(v, subject.s) || (subject.s > cueE && subject.e - subject.s === 1 && mediumToken(v, subject.s - 1)
      && v.isCapital(subject.s) && v.pos(subject.s) === 'NOUN' && v.has(subject.s, 'inan')));
    const place = cue.imp || (subject !== null && !told) ? null : untilMedium(v, locative(v, cueE, comma), subject);
    const np = body ?? (place !== null && subject !== null ? place : subject ?? place);
    let c: ReturnType<typeof content> = null;
    let speaker = np;
    // «Как рассказал Иван Петров, бывший посол …, переговоры сорваны» (rule source-apposition).
    if (np !== null && comma < e) {
      // (A person in the nominative, in the subject's number: «Как сообщил министр, военные, …» and
      // «…, вся техника бригады, …» are the content's subjects.)
      const plural = v.has(np.head, 'plur');
      const a = appositions(v, comma, e, (w, j) => w.ctx.morphology.tags(w.str(j)).some((t) => t.nomn === true && t.anim === true && (t.plur === true) === plural));
      // «Как сообщил министр, житель Москвы, задержанный вчера, признался»: a participle, a gerund
      // or a conjunction after the comma makes the phrase the content's subject, not an apposition
      // («…, эмир Катара в своей речи достаточно мягко, но … отозвался»).
      const after = a.end + 1 < e ? v.pos(a.end + 1) : undefined;
      if (a.end > comma && after !== 'PRTF' && after !== 'GRND' && after !== 'CONJ') {
        c = content(v, a.end + 1, contentEnd(v, a.end + 1, e));
        if (c !== null && a.named !== null && !capitalIn(v, np.s, np.e)) speaker = a.named;
      }
    }
    if (c === null && comma < e) c = content(v, comma + 1, contentEnd(v, comma + 1, e));
    else if (c === null && kak - 1 >= s && v.isPunct(kak - 1, ',')) c = content(v, s, kak - 1);
    if (c === null) return null;
    return { ...c, cueS: kak, cueE, verb: i, speaker, oblique: subject === null && speaker === np };
  }
  // «…, заявив, что …»: a gerund reports for the subject of its sentence, and only with что or a colon.
  const gerund = v.pos(i) === 'GRND';
  // X заявил, что … / X сообщил: …
  for (let j = cueE; j < e && j - i <= 14; j++) {
    if (v.quoteOf[j] >= 0) {
      // «рассказал «Известиям», что…»: a quoted name is part of the clause.
      if (shortQuotation(v, v.quoteOf[j])) { while (j + 1 < e && v.quoteOf[j + 1] === v.quoteOf[j]) j++; continue; }
      if (!v.isPunct(j, '«"„')) break;
    }
    const conj = v.isPunct(j, ',') && j + 1 < e && CONJ.has(v.lower(j + 1)) ? j + 2 : CONJ.has(v.lower(j)) && j === cueE ? j + 1 : v.isPunct(j, ':') ? j + 1 : -1;
    if (conj >= 0) {
      const from = clauseStart(v, i, s);
      const c = content(v, conj, relativeEnd(v, from, conj, contentEnd(v, conj, e)));
      if (c === null) return null;
      if (gerund) {
        const np = findSubject(v, s, i);
        return { ...c, cueS: i, cueE, verb: -1, speaker: np, oblique: false };
      }
      const sp = speakerOf(v, i, cue, from, j);
      return { ...c, cueS: i, cueE, verb: i, speaker: sp.np, oblique: sp.oblique };
    }
    // Another predicate, or an infinitive whose clause the «что» belongs to («предполагают выбирать того, что…»).
    if (v.isPunct(j, FINAL_COMMA_SEMICOLON) || ((v.pos(j) === 'VERB' || v.pos(j) === 'INFN') && j > cueE)) break;
  }
  if (gerund) return null;
  const commaed = commaContent(v, i, cue, cueE, s, e);
  if (commaed !== null) return commaed;
  const inverted = frontedInfinitive(v, i, cue, cueE, s, e) ?? judgement(v, i, cueE, s, e);
  if (inverted !== null) return inverted;
  // …, заявил X. / …, — заявил X.
  let b = i - 1;
  if (b >= s && v.isDash(b)) b--;
  // «Причём, подчеркнул эксперт, часто этих активистов…»: only a connective before the attribution.
  if (b === s + 1 && v.isPunct(b, ',') && INTRO.test(v.lower(s))) {
    for (let k = i + 1; k < e && k < i + 12; k++) {
      if (v.isPunct(k, ':;') || v.pos(k) === 'VERB') break;
      if (!v.isPunct(k, ',')) continue;
      const end = contentEnd(v, k + 1, e);
      const tail = clauseLike(v, k + 1, end) ? content(v, k + 1, end) : null;
      const sp = speakerOf(v, i, cue, i + 1, k);
      if (tail === null || tail.kind !== 'indirect' || sp.np === null) break;
      return { ...tail, cueS: i, cueE, verb: i, speaker: sp.np, oblique: sp.oblique };
    }
  }
  // «Дэвис, пишет Financial Times, ушёл в отставку…», «Возможно, считает автор, это…»: one word before is enough when the clause goes on after the attribution.
  // The words before may end with a quoted name or term («…из-за «дела Скрипаля», высказался X»), not with a quotation of speech.
  if (b > s && v.isPunct(b, ',') && (words(v, s, b) >= 2 || !INTRO.test(v.lower(s))) && (v.quoteOf[b - 1] < 0 || (shortQuotation(v, v.quoteOf[b - 1]) && v.quoteOf[s] !== v.quoteOf[b - 1]))) {
    // «Такой переход, считает X, повысит…»: the attribution may stand inside the sentence.
    let close = -1;
    for (let k = i + 1; k < e && k < i + 16; k++) {
      if (v.isPunct(k, ',') && k + 1 < e && !CONJ.has(v.lower(k + 1)) && v.lower(k + 1) !== 'как') { close = k; break; }
      if (v.isPunct(k, ':;') || v.pos(k) === 'VERB') break;
    }
    // «…, сказал лидер Меджлиса, народный депутат X»: an apposition after the comma is the source, not more content.
    if (close >= 0 && !clauseLike(v, close + 1, contentEnd(v, close + 1, e))) close = -1;
    const end = close >= 0 ? close : contentEnd(v, i + 1, e);
    const sp = speakerOf(v, i, cue, i + 1, end);
    // «…, сообщает NEWSru.com.»: a source the chunker cannot read is still the words after the verb.
    let npEnd = end;
    while (npEnd > i + 1 && v.isPunct(npEnd - 1, FINAL_OR_CLAUSE)) npEnd--;
    const np = sp.np ?? (!cue.imp && npEnd > i + 1 && !objectAfter(v, i + 1, npEnd) && trailing(v, i + 1, npEnd) ? { s: i + 1, e: npEnd, head: i + 1 } : null);
    // «…, предполагала исправить ситуацию, заменив Клинтон», «…, считал необходимым воспользоваться
    // ценами в СССР»: a verb governing an infinitive is the clause's predicate, no attribution (the
    // infinitive before the speaker, or in the words taken for an unread source).
    const governs = infinitiveIn(v, cueE, np === null ? end : np === sp.np ? np.s : np.e);
    const tail = close >= 0 ? content(v, close + 1, contentEnd(v, close + 1, e)) : null;
    if ((np !== null || cue.imp) && !governs && ((words(v, s, b) >= 2 && clauseLike(v, s, b)) || (tail !== null && clauseLike(v, close + 1, e)))) {
      // A one-word head («Дэвис», «Возможно») is too short for content() alone; it counts with its tail.
      const one = words(v, s, b) === 1 && tail !== null ? span(v, s, b) : null;
      const c = one !== null ? { kind: 'indirect' as const, segments: [one] } : content(v, s, b);
      if (c !== null) {
        const segments = tail !== null && tail.kind === 'indirect' ? [...c.segments, ...tail.segments] : c.segments;
        return { kind: c.kind, segments, cueS: i, cueE, verb: i, speaker: np, oblique: sp.oblique };
      }
    }
  }
  // «Об этом заявил X.»: the content is the sentence before.
  if (i - 2 >= s && backReference(v, s, i) && s > v.bodyStart) {
    const [ps, pe] = v.sentence(s - 1);
    const c = content(v, ps, pe);
    const sp = speakerOf(v, i, cue, s + 2, e);
    if (c !== null) return { ...c, cueS: i, cueE, verb: i, speaker: sp.np, oblique: sp.oblique };
  }
  // X предложил разместить … / сообщили о переносе …
  if (cue.obj && cueE < e && v.isWord(cueE)) {
    let from = cueE;
    // «сообщил в субботу об обнаружении…»: the content opens with о/об after a few adverbial words;
    // not after an infinitive, whose phrase it completes («призвал провести референдум о выходе из ЕС»).
    let about = -1;
    for (let k = cueE; k < e && k < cueE + 6 && !v.isPunct(k, ',.;:!?') && v.pos(k) !== 'INFN'; k++) if (wordList('topic-preposition').has(v.lower(k))) { about = k; break; }
    // (A verb of judging reports its object: «назвали русофобией отказ Польши допустить…».)
    const infinitive = JUDGE.test(v.lemmaYo(i)) ? -1 : infinitiveAfterAddressee(v, cueE, e);
    if (infinitive >= 0) from = infinitive;
    else if (about >= 0) from = about + 1;
    else if (CONTENT_PREPS.has(v.lower(from))) from++;
    else if (v.pos(from) === 'PREP') return null;
    else if (!objectStart(v, from, e)) return null;
    let end = contentEnd(v, from, e);
    let labelled = false;
    if (NAME_VERB.test(v.lemmaYo(i))) {
      const cut = namingEnd(v, from, end);
      if (cut < 0) return null;
      labelled = cut < end || v.quoteOf[end - 1] >= 0;
      end = cut;
    }
    const c = content(v, from, end);
    // «назвал пенальти «предвзятым»»: two words are enough with a quoted label.
    if (c === null || words(v, from, end) < (labelled ? 2 : 3)) return null;
    const sp = speakerOf(v, i, cue, clauseStart(v, i, s), i + 1);
    return { ...c, cueS: i, cueE, verb: i, speaker: sp.np, oblique: sp.oblique };
  }
  return null;
}

/**
 * Where the infinitive clause starts after the one asked («призвал европейских партнёров | не
 * закрывать двери», «предложила мне | написать о Слуцком», «требовали от властей | опровергнуть
 * сообщение»): up to four lower-case words of nouns, adjectives, pronouns and the prepositions
 * «от», «у» before an infinitive (or «не» and one), with no mark between; −1 when none. The one
 * asked is no part of what is reported.
 */
function infinitiveAfterAddressee(v: View, from: number, e: number): number {
  for (let k = from; k < e && k < from + 5; k++) {
    if (v.pos(k) === 'INFN') return k > from ? (v.lower(k - 1) === 'не' ? k - 1 : k) : -1;
    if (v.lower(k) === 'не' && k + 1 < e && v.pos(k + 1) === 'INFN') continue;
    const pos = v.pos(k);
    // (Not a name: «призывает Россию отказаться…» inside another's reported words is theirs to report.)
    if (!v.isWord(k) || v.isCapital(k) || !(pos === 'NOUN' || pos === 'ADJF' || pos === 'PRTF' || pos === 'NPRO' || wordList('addressee-preposition').has(v.lower(k)))) return -1;
  }
  return -1;
}

/** Some word in [from, to) is an infinitive. */
function infinitiveIn(v: View, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (v.pos(k) === 'INFN') return true;
  return false;
}

/** The prepositions before the place where a body speaks (`в МИД`, `во ВЦИОМ`, `на сайте NBC News`). */
const PLACE_PREP = /^(в|во|на)$/;

/**
 * Words after a verb that open with a preposition other than в/во/на before a place (`указывает на
 * вечность …`, `говорили о будущем`, `верили в свой народ`), or with a conjunction before a lower-case
 * word (`опасается и за свою судьбу`): the verb's object, not its source (`считают в инвесткомпании`,
 * `сообщили и в Объединённом командовании …`, `подтверждает на сайте NBC News` are sources).
 */
function objectAfter(v: View, k: number, e: number): boolean {
  const pos = v.pos(k);
  // «сообщили и в Объединённом командовании …»: the conjunction adds a source.
  if (pos === 'CONJ') return k + 1 < e && !v.isCapital(k + 1) && (v.pos(k + 1) !== 'PREP' || objectAfter(v, k + 1, e));
  if (pos !== 'PREP') return false;
  const prep = v.lower(k);
  if (!PLACE_PREP.test(prep)) return true;
  const on = prep === 'на';
  // в + a place (a locative noun: в ассоциации, в экспертной среде; a name), not в + an accusative
  // (верили в свой народ); на + a place only before a name (на сайте NBC News; not настаивает на завершении маневра).
  for (let j = k + 1; j < e; j++) {
    if (v.isCapital(j) || v.pos(j) === 'LATN') return false;
    if (v.pos(j) !== 'NOUN') continue;
    if (!v.ctx.morphology.tags(v.str(j)).some((t) => t.loct === true)) return true;
    if (!on) return false;
    for (let n = j + 1; n < e; n++) if (v.isCapital(n) || v.pos(n) === 'LATN') return false;
    return true;
  }
  return true;
}

/**
 * Content right after a verb of proposing or naming starts with an infinitive («предложил
 * разместить»), a negated one, or an object noun phrase, not with the postverbal subject
 * («… предлагает политолог X»).
 */
function objectStart(v: View, i: number, e: number): boolean {
  // «рассказал суду о работе»: the addressee in the dative is not the content.
  if (v.has(i, 'datv')) return false;
  for (let k = i; k < e && k < i + 4; k++) {
    const pos = v.pos(k);
    if (pos === 'INFN') return true;
    if (v.lower(k) === 'не') continue;
    if (pos === 'ADJF' || pos === 'PRTF' || pos === 'NOUN') {
      if (v.isCapital(k)) return false;
      return !v.canBeNominative(k) || v.has(k, 'inan');
    }
    return false;
  }
  return false;
}

/**
 * The place's phrase up to a medium's name after its head: «в пресс-службе Минобороны | РИА
 * Новости», «в пресс-службе ведомства | RT» (the one told). A noun for a medium is the medium
 * its name after it names («в агентстве РИА Новости», «в редакции RT»): the place as it is when
 * no subject was found, else null, and that subject, the name, speaks.
 */
function untilMedium(v: View, np: NP | null, subject: NP | null): NP | null {
  if (np === null) return null;
  if (MEDIUM_NOUN.test(v.lemma(np.head))) return subject === null ? np : null;
  // «в интервью РИА Новости аль-Малики»: a talk is no body, and the name after the medium speaks.
  if (TALK_NOUN.test(v.lemma(np.head))) return subject === null || mediumToken(v, subject.s) ? np : null;
  for (let k = np.head + 1; k < np.e; k++) if (mediumToken(v, k)) return { s: np.s, e: k, head: np.head };
  return np;
}

const MEDIUM_NOUN = /^(газета|издание|агентство|телеканал|канал|журнал|радиостанция|портал|сайт|таблоид|редакция)$/;
const TALK_NOUN = /^(интервью|беседа|разговор|эфир|комментарий)$/;

/** «как сообщили в ряде СМИ»: the source in a locative phrase after the verb. */
function locative(v: View, from: number, to: number): NP | null {
  for (let k = from; k < to; k++) if (v.pos(k) === 'PREP' && PLACE_PREP.test(v.lower(k))) return ppObject(v, k, to);
  return null;
}


/**
 * «Рассматривать заявления … предлагает политолог X»: an infinitive clause put before a verb of
 * proposing, the source after it; no comma marks the boundary.
 */
function frontedInfinitive(v: View, i: number, cue: VerbCue, cueE: number, s: number, e: number): Found | null {
  if (!cue.obj) return null;
  const first = v.lower(s) === 'не' ? s + 1 : s;
  if (first >= i || v.pos(first) !== 'INFN' || words(v, s, i) < 3) return null;
  for (let k = first + 1; k < i; k++) if (v.isPunct(k, ':;') || v.pos(k) === 'VERB' || (v.quoteOf[k] >= 0 && !shortQuotation(v, v.quoteOf[k]))) return null;
  const end = contentEnd(v, cueE, e);
  const np = findSubject(v, cueE, end, true);
  if (np === null || np.s !== cueE) return null;
  const c = content(v, s, i);
  if (c === null || c.kind !== 'indirect') return null;
  return { ...c, cueS: i, cueE, verb: i, speaker: np, oblique: false };
}

const JUDGE = /^(считать|счесть|называть|назвать)$/;
const NAME_VERB = /^(называть|назвать)$/;

/** Some reading of word i is in the instrumental («катастрофой», «пристрастными»). */
function instrumental(v: View, i: number): boolean {
  if (v.has(i, 'ablt')) return true;
  for (const t of v.ctx.morphology.tags(v.str(i))) if (t.ablt === true) return true;
  return false;
}

/** Word i may be a nominative, or the dictionary does not know it («Ла-Ла», «PozzoSacro»). */
function maybeNominative(v: View, i: number): boolean {
  const info = v.ctx.morphology.formInfo(v.str(i));
  if (!info.known) return true;
  for (const t of info.tags) if (t.nomn === true) return true;
  return false;
}

/**
 * The end of what «назвал X «Y»» reports: the quoted label in the instrumental closes it, with a
 * noun it qualifies («…«возмутительным» инцидентом») and labels coordinated with it («…«фейком» и
 * «подделкой»»), not the rest of the sentence («назвала присоединение Крыма «катастрофой»,
 * телеведущая объявила…»). -1 when the label is a proper name closing its clause («назвал свою
 * повесть «PozzoSacro» – …», «назвали победителем «Ла-Ла Ленд», а не «Лунный свет»»): that names
 * something, it reports no speech. A quoted name inside the object («действия «Мемориала»
 * опасной провокацией», «игру со «Злином» сложной») is neither. `end` when no label follows the
 * object.
 * @example
 * // «назвала присоединение Крыма «огромной геополитической катастрофой», телеведущая объявила…»
 * namingEnd(v, from, end); // the token after the closing »
 */
function namingEnd(v: View, from: number, end: number): number {
  let proper = false;
  for (let k = from; k < end && k < from + 16; k++) {
    // The label stands in the verb's own clause: «…назвал объединение палестинцев, поскольку движение «Хамас»…» has none.
    if (v.isPunct(k, ',;:') || v.isDash(k)) break;
    if (!v.opensQuotation(k)) continue;
    const qi = v.quoteOf[k];
    const first = k + 1;
    const close = v.tokAt(v.quotations[qi].close);
    if (first >= end || close >= end || v.quotations[qi].parts.length !== 1) return end;
    if (v.isCapital(first) || !v.isWord(first)) {
      const last = close + 1 >= end || v.isPunct(close + 1, ',.;:!?…') || v.isDash(close + 1);
      // Not a name after a preposition or a genitive it completes («места памяти жертв фашизма «Собибор»»).
      const prev = k - 1;
      const governed = prev >= from && (v.pos(prev) === 'PREP' || (v.pos(prev) === 'NOUN' && v.has(prev, 'gent')));
      if (last && maybeNominative(v, first) && !governed) proper = true;
      k = close;
      continue;
    }
    if (!instrumental(v, first) || k === from) { k = close; continue; }
    let e = close + 1;
    for (;;) {
      if (e < end && v.isWord(e) && !v.isCapital(e) && v.pos(e) === 'NOUN' && instrumental(v, e)) { e++; break; }
      const link = e < end && (AND_OR.test(v.lower(e)) || v.isDash(e) || v.isPunct(e, ',')) ? e + 1 : -1;
      if (link < 0 || link >= end || !v.opensQuotation(link) || !instrumental(v, link + 1)) break;
      e = v.tokAt(v.quotations[v.quoteOf[link]].close) + 1;
    }
    return Math.min(e, end);
  }
  return proper ? -1 : end;
}

/**
 * «Заявления Петра Порошенко эксперты считают политическим преувеличением»: a verb of judging with
 * its object first and the judgement in the instrumental after it; the content is both, around
 * the source standing right before the verb.
 */
function judgement(v: View, i: number, cueE: number, s: number, e: number): Found | null {
  if (!JUDGE.test(v.lemmaYo(i)) || cueE >= e) return null;
  // «Он считает неправильным начинать историю…»: the judgement and an infinitive after the verb.
  if (v.has(cueE, 'ablt') && (v.pos(cueE) === 'ADJF' || v.pos(cueE) === 'ADJS') && cueE + 1 < e && v.pos(cueE + 1) === 'INFN') {
    const end = contentEnd(v, cueE, e);
    const c = content(v, cueE, end);
    const sp = speakerOf(v, i, cueLexicon().verbs.get(v.lemmaYo(i))!, clauseStart(v, i, s), i);
    return c === null || c.kind !== 'indirect' || sp.np === null ? null : { ...c, cueS: i, cueE, verb: i, speaker: sp.np, oblique: sp.oblique };
  }
  // «Главной причиной учёные считают потребление угля»: the judgement first, the object after.
  const ablFirst = (v.pos(s) === 'ADJF' || v.pos(s) === 'NOUN') && v.has(s, 'ablt') && !v.has(cueE, 'ablt') && v.pos(cueE) !== 'PREP' && v.pos(cueE) !== 'CONJ' && !v.isPunct(cueE, ',');
  if (!v.has(cueE, 'ablt') && !ablFirst) return null;
  const p = v.pos(cueE);
  if (p !== 'ADJF' && p !== 'NOUN' && p !== 'PRTF') return null;
  const h = i - 1;
  // «учёные», «опрошенные» are adjectives standing as nouns.
  const nounLike = v.pos(h) === 'NOUN' || (v.pos(h) === 'ADJF' && v.has(h, 'plur') && v.has(cueE - 1, 'plur'));
  if (h <= s || !v.isWord(h) || !nounLike || !v.canBeNominative(h) || !(v.has(h, 'anim') || v.isCapital(h) || v.pos(h) === 'ADJF')) return null;
  let subjS = h;
  while (subjS - 1 > s && v.isWord(subjS - 1) && ((v.isCapital(subjS - 1) && v.isCapital(subjS)) || (v.pos(subjS - 1) === 'ADJF' && v.canBeNominative(subjS - 1)))) subjS--;
  // «Российский психотерапевт Сергей Нурисламов считает неправомерными заявления …»: a person's
  // noun in the nominative right before a person's name in the nominative is its apposition, no
  // object put first (but «эксперты МЭА называют», «президент Сирии считает»: the name is the noun's genitive).
  const before = subjS - 1;
  if (v.isCapital(subjS) && !v.isCapital(before) && v.pos(before) === 'NOUN' && v.has(before, 'anim') && v.has(before, 'nomn') &&
    personsTagged(v, subjS, i, true).starts.has(subjS)) return null;
  const head = content(v, s, subjS);
  let tailEnd = contentEnd(v, cueE, e);
  if (NAME_VERB.test(v.lemmaYo(i))) {
    tailEnd = namingEnd(v, cueE, tailEnd);
    if (tailEnd < 0) return null;
  }
  const tail = content(v, cueE, tailEnd);
  if (head === null || tail === null || head.kind !== 'indirect' || tail.kind !== 'indirect' || words(v, s, subjS) < 2) return null;
  return { kind: 'indirect', segments: [...head.segments, ...tail.segments], cueS: i, cueE, verb: i, speaker: { s: subjS, e: i, head: h }, oblique: false };
}

/** Verbs of saying that take a bare clause after a comma, no «что»: «Он сказал, новая стратегия — это…». */
const SAY = /^(сказать|заявить|отметить|добавить|подчеркнуть|пояснить|написать|сообщить|уточнить|признать|заметить)$/;

/**
 * «Он сказал, новая правительственная стратегия — это попытка…»: the conjunction left out, the
 * reported clause right after the verb's comma. The clause opens with a noun phrase and has a
 * predicate; the speaker is the subject before the verb.
 */
function commaContent(v: View, i: number, cue: VerbCue, cueE: number, s: number, e: number): Found | null {
  if (cue.imp || cue.src || !SAY.test(v.lemmaYo(i)) || cueE + 1 >= e || !v.isPunct(cueE, ',')) return null;
  const k = cueE + 1;
  const pos = v.pos(k);
  if (!(pos === 'NOUN' || pos === 'ADJF' || pos === 'NPRO' || pos === 'NUMR') || CONJ.has(v.lower(k)) || /^(котор|как|когда|если|где|пока|хотя|поскольку)/.test(v.lower(k))) return null;
  if (i === s || v.isPunct(i - 1, ',')) return null;
  const end = contentEnd(v, k, e);
  if (words(v, k, end) < 4 || !clauseLike(v, k, end)) return null;
  const sp = speakerOf(v, i, cue, clauseStart(v, i, s), i);
  if (sp.np === null) return null;
  const c = content(v, k, end);
  return c === null ? null : { ...c, cueS: i, cueE, verb: i, speaker: sp.np, oblique: sp.oblique };
}
