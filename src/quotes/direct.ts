import type { Span } from '../types.js';
import { FINAL, verbCue, span, words, cueNear, attributionEnd, speakerOf, cueEnd, clauseStart, clauseLike, shortQuotation, type Found } from './clause.js';
import type { Quotation } from './marks.js';
import { wordList } from './lexicon.js';
import { findSubject, writtenNominative, type NP } from './np.js';
import type { View } from './view.js';

/** Marks that end an interview answer's last sentence (built once, not per token). */
const ANSWER_END = FINAL + ';,:?»"';

/**
 * Direct quotes around quotation marks: «…», — сказал X. · X сказал: «…». · «A, — сказал X, — B».
 * A quotation with no attribution (a name, a title, scare quotes) yields nothing.
 */
export function directQuotes(v: View): Found[] {
  const out: Found[] = [];
  const { doc } = v;
  // The last attributed direct quote and the token that ended its attribution sentence.
  let last: Found | null = null;
  let lastEnd = -1;
  v.quotations.forEach((q, qi) => {
    if (q.open < doc.body.start || q.close >= doc.body.end) return;
    const openTok = v.tokAt(q.open);
    const closeTok = v.tokAt(q.close);
    const inner = interrupted(v, qi, openTok + 1, closeTok);
    if (inner !== null) { out.push(inner); return; }
    // «…из-за «дела Скрипаля», высказался Лавров»: a quoted name or term inside a sentence is no
    // quotation of its own; the sentence is the content, an indirect quote.
    if (insideSentence(v, openTok) && shortQuotation(v, qi)) return;
    // After the closing mark: «…», — сказал X.
    let k = closeTok + 1;
    while (k < v.bodyEnd && v.isPunct(k, ',!?….') && !v.lineBreak(k - 1, k)) k++;
    const dash = k < v.bodyEnd && v.isDash(k) && !v.lineBreak(closeTok, k);
    // «…», сказал X. — the dash is sometimes left out after a comma.
    const bare = !dash && k > closeTok + 1 && v.isPunct(closeTok + 1, ',') && k < v.bodyEnd && !v.lineBreak(closeTok, k);
    // «…»¶заявил X.: the attribution pushed to the next line, opening it in lower case.
    const broken = !dash && !bare && k < v.bodyEnd && v.isWord(k) && !v.isCapital(k) && v.lineBreak(closeTok, k) && verbCue(v, k) !== undefined;
    if (dash || bare || broken) {
      const from = dash ? k + 1 : k;
      const { end, resume } = attributionEnd(v, from, v.bodyEnd);
      const verb = cueNear(v, from, end, dash ? 4 : 1);
      if (verb >= 0) {
        const cue = verbCue(v, verb)!;
        const sp = speakerOf(v, verb, cue, from, end);
        const segments = [...q.parts];
        if (resume >= 0) {
          const tail = resumedTail(v, resume);
          if (tail !== null) segments.push(tail);
        }
        for (let t = k; t < end; t++) v.used[t] = 1;
        last = { kind: 'direct', segments, cueS: verb, cueE: cueEnd(v, verb), verb, speaker: sp.np, oblique: sp.oblique };
        lastEnd = end;
        out.push(last);
        return;
      }
    }
    // «A», — сказал X. «B».: a quotation right after an attributed one, in the same paragraph,
    // continues the same source's words.
    if (last !== null && openTok === lastEnd + 1 && v.isPunct(lastEnd, FINAL) && !v.paragraphBreak(lastEnd, openTok) && endsItsSentence(v, closeTok)) {
      const inner = v.tokAt(q.parts[0].start);
      if (words(v, inner, closeTok) >= 4) {
        out.push({ ...last, segments: [...q.parts] });
        lastEnd = closeTok + 1 < v.n && v.isPunct(closeTok + 1, FINAL) ? closeTok + 1 : closeTok;
        return;
      }
    }
    // Before the opening mark: X сказал: «…».
    if (openTok - 1 >= v.bodyStart && v.isPunct(openTok - 1, ':')) {
      const [s] = v.sentence(openTok - 1);
      for (let verb = openTok - 2; verb >= s; verb--) {
        const cue = verbCue(v, verb);
        if (cue === undefined || v.quoteOf[verb] >= 0) continue;
        const sp = speakerOf(v, verb, cue, clauseStart(v, verb, s), openTok - 1);
        for (let t = verb; t < openTok; t++) v.used[t] = 1;
        out.push({ kind: 'direct', segments: [...q.parts], cueS: verb, cueE: cueEnd(v, verb), verb, speaker: sp.np, oblique: sp.oblique });
        return;
      }
      // «Сам Александр Белов оказался более дипломатичным: «…»»: no speech verb, but a person as the
      // subject and a whole clause in the marks; the clause's verb stands as the cue.
      const f = colonPerson(v, s, openTok - 1, q);
      if (f !== null) { out.push(f); return; }
    }
  });
  return out;
}

function colonPerson(v: View, s: number, colon: number, q: Quotation): Found | null {
  const inner = v.tokAt(q.parts[0].start);
  const close = v.tokAt(q.close);
  if (words(v, inner, close) < 5 || !clauseLike(v, inner, close)) return null;
  let verb = -1;
  for (let k = colon - 1; k >= s; k--) if (v.pos(k) === 'VERB' && !v.has(k, '1per') && !v.has(k, '2per')) { verb = k; break; }
  if (verb < 0) return colonName(v, s, colon, q);
  const isPerson = (np: NP) => {
    for (let k = np.s; k < np.e; k++) if (v.has(k, 'Name') || v.has(k, 'Surn') || v.has(k, 'Patr')) return true;
    for (const m of v.doc.mentions) if (m.type === 'PER' && m.kind === 'name' && m.tokStart >= np.s && m.tokEnd <= np.e) return true;
    return false;
  };
  let np = findSubject(v, clauseStart(v, verb, s), verb);
  // «Марк Тоунер, исполняющий обязанности…, выступил со заявлением: «…»»: the subject before an apposition.
  if (np === null || !isPerson(np)) np = findSubject(v, s, verb);
  if (np === null || !isPerson(np)) return null;
  return { kind: 'direct', segments: [...q.parts], cueS: verb, cueE: verb + 1, verb, speaker: np, oblique: false };
}

const SPEECH_NOUNS = /^(объяснение|слово|ответ|мнение|комментарий|позиция|реакция|вывод|совет|версия|оценка|прогноз|аргумент)$/;

/**
 * «Иван Петров: «…»», «Прав Баратынский: «…»», «У Затулина есть своё объяснение: «…»»: a short
 * lead without a verb that names a person right before the colon, or a speech noun and a person;
 * the colon is the cue.
 */
function colonName(v: View, s: number, colon: number, q: Quotation): Found | null {
  if (words(v, s, colon) > 16 || (s > v.bodyStart && !v.isPunct(s - 1, FINAL) && !v.paragraphBreak(s - 1, s))) return null;
  const personal = (k: number) => v.isWord(k) && v.isCapital(k) && (v.has(k, 'Name') || v.has(k, 'Surn') || v.has(k, 'Patr'));
  let np: NP | null = null;
  let speech = false;
  for (let k = s; k < colon; k++) if (v.isWord(k) && SPEECH_NOUNS.test(v.lemma(k))) speech = true;
  // Without a speech noun only a short lead is a speaker's label.
  if (!speech && words(v, s, colon) > 8) return null;
  for (const m of v.doc.mentions) {
    if (m.type !== 'PER' || m.kind !== 'name' || m.tokStart < s || m.tokEnd > colon) continue;
    if (m.tokEnd === colon || speech) { np = { s: m.tokStart, e: m.tokEnd, head: m.tokEnd - 1 }; break; }
  }
  if (np === null && personal(colon - 1)) {
    let b = colon - 1;
    while (b - 1 >= s && v.isWord(b - 1) && v.isCapital(b - 1) && personal(b - 1)) b--;
    np = { s: b, e: colon, head: colon - 1 };
  }
  if (np === null) return null;
  return { kind: 'direct', segments: [...q.parts], cueS: colon, cueE: colon + 1, verb: -1, speaker: np, oblique: speech && np.e !== colon };
}

/**
 * A quotation opening at `openTok` after words of its own sentence, not after a colon, a dash or
 * a full stop the segmenter missed («назвав их фантастическими.«Это хорошо»»).
 */
function insideSentence(v: View, openTok: number): boolean {
  const [s] = v.sentence(openTok);
  if (openTok <= s || v.isPunct(openTok - 1, ':' + FINAL) || v.isDash(openTok - 1)) return false;
  return words(v, s, openTok) > 0;
}

/** The closing mark ends its sentence: sentence punctuation inside or right after it, or the paragraph's end. */
function endsItsSentence(v: View, closeTok: number): boolean {
  if (closeTok - 1 >= 0 && v.isPunct(closeTok - 1, FINAL)) return true;
  const next = closeTok + 1;
  return next >= v.bodyEnd || v.isPunct(next, FINAL) || v.paragraphBreak(closeTok, next);
}

/** «A, — сказал X, — B»: an attribution inside one pair of marks splits the content in two. */
function interrupted(v: View, qi: number, from: number, to: number): Found | null {
  for (let k = from; k + 2 < to; k++) {
    if (!(v.isPunct(k, ',.!?…') && v.isDash(k + 1)) || v.lineBreak(k, k + 1)) continue;
    if (v.quoteOf[k] !== qi) continue;
    const { end, resume } = attributionEnd(v, k + 2, to);
    if (resume < 0) continue;
    const verb = cueNear(v, k + 2, end, 3);
    if (verb < 0) continue;
    const cue = verbCue(v, verb)!;
    const sp = speakerOf(v, verb, cue, k + 2, end);
    const q = v.quotations[qi];
    const a = span(v, from, k);
    const b = span(v, resume, to);
    const segments = [a, b].filter((x): x is Span => x !== null);
    if (segments.length === 0) return null;
    segments[0] = { start: Math.max(segments[0].start, q.parts[0].start), end: segments[0].end };
    for (let t = k + 1; t < resume; t++) v.used[t] = 1;
    return { kind: 'direct', segments, cueS: verb, cueE: cueEnd(v, verb), verb, speaker: sp.np, oblique: sp.oblique };
  }
  return null;
}

/** «…», — пояснил X. — B»: the words after the second dash up to a lone closing mark or the paragraph end. */
function resumedTail(v: View, from: number): Span | null {
  let k = from;
  while (k < v.bodyEnd && !(k > from && v.lineBreak(k - 1, k))) {
    if (v.isPunct(k, '»"“”') && v.quoteOf[k] < 0) return span(v, from, k);
    if (v.opensQuotation(k)) break;
    k++;
  }
  return null;
}

/** — A, — сказал X. — B: a dialogue paragraph opened by a dash. */
export function dialogueQuotes(v: View): Found[] {
  const out: Found[] = [];
  // Dash paragraphs with no attribution of their own: answers in an interview, or list items.
  const bare: Array<[number, number]> = [];
  for (const p of v.doc.paragraphs) {
    if (p.start < v.doc.body.start || p.end > v.doc.body.end) continue;
    const first = v.tokAt(p.start);
    const last = v.tokAt(p.end);
    if (first >= last || !v.isDash(first) || v.quoteOf[first] >= 0) continue;
    let attributed = false;
    for (let k = first + 1; k + 2 < last; k++) {
      if (!(v.isPunct(k, ',!?….') && v.isDash(k + 1))) continue;
      const { end, resume } = attributionEnd(v, k + 2, last);
      const verb = cueNear(v, k + 2, end, 3);
      if (verb < 0) continue;
      const cue = verbCue(v, verb)!;
      const sp = speakerOf(v, verb, cue, k + 2, end);
      const segments = [span(v, first + 1, k), resume >= 0 ? span(v, resume, last) : null].filter((x): x is Span => x !== null);
      for (let t = k + 1; t < (resume >= 0 ? resume : end); t++) v.used[t] = 1;
      out.push({ kind: 'direct', segments, cueS: verb, cueE: cueEnd(v, verb), verb, speaker: sp.np, oblique: sp.oblique });
      attributed = true;
      break;
    }
    const colon = !attributed && first - 1 >= v.bodyStart && v.isPunct(first - 1, ':');
    if (!attributed && !colon) bare.push([first, last]);
    // «Иван Петров сказал:¶— Мы готовы.»: the attribution ends the paragraph before with a colon.
    if (colon) {
      const [s] = v.sentence(first - 1);
      let found = false;
      for (let verb = first - 2; verb >= s; verb--) {
        const cue = verbCue(v, verb);
        if (cue === undefined || v.quoteOf[verb] >= 0) continue;
        const sp = speakerOf(v, verb, cue, clauseStart(v, verb, s), first - 1);
        const seg = span(v, first + 1, last);
        if (seg === null) break;
        for (let t = verb; t < first; t++) v.used[t] = 1;
        out.push({ kind: 'direct', segments: [seg], cueS: verb, cueE: cueEnd(v, verb), verb, speaker: sp.np, oblique: sp.oblique });
        found = true;
        break;
      }
      if (!found) {
        const f = labelled(v, s, first, last);
        if (f !== null) out.push(f);
      }
    }
  }
  out.push(...interviewAnswers(v, bare));
  return out;
}

/**
 * «Светлана Леонтьева, министр здравоохранения области:¶— Мы не первый год…»: a paragraph that
 * only names a person (and their post) before a colon labels the dash line after it.
 */
function labelled(v: View, s: number, first: number, last: number): Found | null {
  const colon = first - 1;
  if (words(v, s, colon) > 15 || (s > v.bodyStart && !v.lineBreak(s - 1, s))) return null;
  for (let k = s; k < colon; k++) if (v.pos(k) === 'VERB') return null;
  let np: NP | null = null;
  for (const m of v.doc.mentions) {
    if (m.tokStart === s && m.type === 'PER' && m.kind === 'name' && m.tokEnd <= colon) np = { s: m.tokStart, e: m.tokEnd, head: m.tokEnd - 1 };
  }
  const seg = span(v, first + 1, last);
  if (np === null || seg === null || words(v, first + 1, last) < 3) return null;
  return { kind: 'direct', segments: [seg], cueS: colon, cueE: colon + 1, verb: -1, speaker: np, oblique: false };
}

/**
 * An interview: several dash paragraphs with no attribution are the interviewee's answers (the
 * journalist's questions, ending with «?», are not quotes). The interviewee is the person the text
 * names most before the first answer (of those as often named, one written in the nominative or
 * after «о»), outside quotation marks (a headline quoting the interviewee,
 * «Квят принадлежит к сливкам автоспорта», names whom they speak of). List items (short, or ending
 * with «;» or «,») do not count.
 */
function interviewAnswers(v: View, bare: Array<[number, number]>): Found[] {
  const answers = bare.filter(([f, l]) => {
    let e = l;
    while (e > f && !v.isWord(e - 1) && !v.isPunct(e - 1, ANSWER_END)) e--;
    return words(v, f, l) >= 6 && !v.isPunct(e - 1, ';,:?');
  });
  if (answers.length < 3) return [];
  const firstAnswer = answers[0][0];
  const found = interviewee(v, firstAnswer);
  if (found === null) return [];
  const { np, oblique } = found;
  const out: Found[] = [];
  for (const [f, l] of answers) {
    const seg = span(v, f + 1, l);
    if (seg !== null) out.push({ kind: 'direct', segments: [seg], cueS: f, cueE: f + 1, verb: -1, speaker: np, oblique });
  }
  return out;
}

/**
 * The interviewee's name phrase, and whether it is written in an oblique case: as the entities
 * stage normalised the mention where there is one (`кёрлингистка Сидорова` is her nominative,
 * whatever case the context pass gave the word), else as the context pass read it.
 */
function interviewee(v: View, before: number): { np: NP; oblique: boolean } | null {
  const counts = new Map<number, { n: number; m: NP; oblique: boolean; lead: boolean }>();
  for (const m of v.doc.mentions) {
    if (m.type !== 'PER' || m.kind !== 'name' || m.tokStart >= before || m.tokStart < v.bodyStart || v.quoteOf[m.tokStart] >= 0) continue;
    const key = m.entity >= 0 ? m.entity : -1 - m.tokStart;
    const c = counts.get(key);
    if (c) c.n++;
    else {
      const oblique = !writtenNominative(m);
      // The lead's subject, or the one it is about («уже много писал об Александре Николаенко»).
      const lead = !oblique || (m.tokStart > 0 && wordList('topic-preposition').has(v.lower(m.tokStart - 1)));
      counts.set(key, { n: 1, m: { s: m.tokStart, e: m.tokEnd, head: m.tokEnd - 1 }, oblique, lead });
    }
  }
  // Of those as often named, the lead's subject is the interviewee («в беседе с журналистом Иваном
  // САПРЫКИНЫМ рассказывает директор … Иван РЕБРИК»).
  let best: { n: number; m: NP; oblique: boolean; lead: boolean } | undefined;
  for (const c of counts.values()) if (best === undefined || c.n > best.n || (c.n === best.n && !best.lead && c.lead)) best = c;
  if (best !== undefined) return { np: best.m, oblique: best.oblique };
  for (let i = v.bodyStart; i < before; i++) {
    if (v.isWord(i) && v.isCapital(i) && (v.has(i, 'Surn') || v.has(i, 'Name'))) {
      let e = i + 1;
      while (e < before && v.isWord(e) && v.isCapital(e)) e++;
      return { np: { s: i, e, head: e - 1 }, oblique: !v.has(e - 1, 'nomn') };
    }
  }
  return null;
}
