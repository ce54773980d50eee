import type { EntityType } from '../types.js';
import { isSurnameParticle } from './nameParticles.js';

/** A name mention as clustering sees it: its type (made PER when it joins a person) and nominative form. */
export interface NameMention { type: EntityType; normal: string }

/** What the dictionary says of a capitalised word, for clustering (the entities stage asks the morphology). */
export interface WordKinds {
  /**
   * Known to the dictionary as a place or an organisation (not guessed from an ending): `Вашингтон`,
   * `Газпром`. A word it knows only as a common noun may still be a surname (`Дуда`, `Свобода`).
   */
  place(word: string): boolean;
  /** Known as an adjective and not as a first name: `Сербская`, `Красный`. */
  adjective(word: string): boolean;
}

const NO_WORD_KINDS: WordKinds = { place: () => false, adjective: () => false };

/** One cluster: the indices (into the input list) of the mentions of one entity. */
export interface Cluster { members: number[]; type: EntityType }

const fold = (s: string): string => s.toLowerCase().replace(/ё/g, 'е');
/** A place's or organisation's form for comparison: quotes off (`«Газпром»` is `Газпром`). */
const formKey = (s: string): string => fold(s).replace(/[«»"“”„]/g, '').trim();

/**
 * The words of a personal name, initials kept as single letters, written with a space after them
 * or not: `Н. Назарбаев` → ['н', 'назарбаев'], `Ф.М. Достоевский` → ['ф', 'м', 'достоевский'].
 */
function nameWords(normal: string): string[] {
  const out: string[] = [];
  for (const w of normal.split(/\s+|(?<=(?:^|[\s.])\p{Lu}\.)/u)) if (/\p{L}/u.test(w)) out.push(fold(w.replace(/\.$/, '')));
  return out;
}

interface PersonKey { surname: string; given: string[] }

/** No clusters: what an index without the key gives (shared, never changed). */
const NONE: readonly number[] = [];

/**
 * A person's key from the words of a name (`nameWords`; not modified). The surname's particles
 * are no given names: `Марин Ле Пен` and `Ле Пен` both have the surname `пен`, and the given
 * names `марин` and none, which agree.
 */
function keyOf(words: string[]): PersonKey {
  let given = words.length - 1;
  while (given > 0 && isSurnameParticle(words[given - 1])) given--;
  return { surname: words[words.length - 1] ?? '', given: words.slice(0, given) };
}

/** Two lists of given names agree when each pair is equal or one is the other's initial. */
function givenAgree(a: string[], b: string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) continue;
    return false;
  }
  return true;
}

/**
 * A cluster whose surname differs from a lone word only by an ending the normaliser may have
 * missed (Футиной beside Футина): a long common prefix, at most three letters apart. Most recent first.
 */
function closeSurname(clusters: Array<{ key: PersonKey | undefined }>, candidates: readonly number[], lastSeen: number[], word: string): number {
  let best = -1;
  for (const c of candidates) {
    const k = clusters[c].key;
    if (k === undefined || k.given.length === 0) continue;
    const s = k.surname;
    if (Math.abs(s.length - word.length) > 3) continue;
    let p = 0;
    while (p < s.length && p < word.length && s[p] === word[p]) p++;
    if (p >= Math.max(4, Math.min(s.length, word.length) - 2) && (best < 0 || lastSeen[c] > lastSeen[best])) best = c;
  }
  return best;
}

/**
 * Initial letters of the content words of a name: Европейский союз → ЕС, Министерство иностранных дел → МИД.
 *
 * @example
 * initialsOf('Европейский союз'); // 'ЕС'
 */
export function initialsOf(normal: string): string {
  let out = '';
  for (const w of normal.split(/[\s-]+/)) {
    if (w.length === 0 || /^(и|по|в|на|для|of|and)$/i.test(w)) continue;
    out += w[0];
  }
  return out.toUpperCase().replace(/Ё/g, 'Е');
}

const isAbbreviation = (normal: string): boolean => /^[A-ZА-ЯЁ]{2,6}$/.test(normal);

/**
 * Groups name mentions (in text order) into entities. People: a surname alone, a first name and
 * surname, initials and surname join one cluster when their given names agree (`Токаев` with
 * `Касым-Жомарт Токаев`, `Н. Назарбаев` with `Нурсултан Назарбаев`); a lone word that is the
 * first name of exactly one person joins that person. Places and organisations: equal normal
 * forms, whatever the type of each mention; an abbreviation joins the one full name whose initials
 * it is (`ЕС`, `Европейский союз`); a lone word that is the surname of one person named in full
 * joins that person, unless the dictionary knows it as a place or organisation (`words`).
 *
 * @example
 * clusterNames([{ type: 'PER', normal: 'Касым-Жомарт Токаев' }, { type: 'PER', normal: 'Токаев' }]);
 * // [{ members: [0, 1], type: 'PER' }]
 */
export function clusterNames(mentions: readonly NameMention[], words: WordKinds = NO_WORD_KINDS): Cluster[] {
  // Every cluster has a key (undefined for places and organisations): one object shape for all.
  const clusters: Array<Cluster & { key: PersonKey | undefined }> = [];
  const lastSeen: number[] = [];
  // Places and organisations by form (`formKey`), whatever the type the tagger gave each mention:
  // `Трумэн` tagged LOC here and ORG there is one entity, of the type most of its mentions have.
  const byForm = new Map<string, number>();
  // Indexes keep this linear in the number of mentions, whatever the text's length.
  const bySurname = new Map<string, number[]>();
  const byGiven = new Map<string, number[]>();
  const byPrefix = new Map<string, number[]>();
  const index = (map: Map<string, number[]>, key: string, c: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [c]);
    else if (!list.includes(c)) list.push(c);
  };
  // A name recurs in a text: its words are split and folded once (each mention still gets its own key).
  const wordsOf = new Map<string, string[]>();
  // … and so is a place's or organisation's form.
  const formsOf = new Map<string, string>();
  mentions.forEach((m, i) => {
    let target = -1;
    if (m.type === 'PER') {
      let words = wordsOf.get(m.normal);
      if (words === undefined) wordsOf.set(m.normal, (words = nameWords(m.normal)));
      const key = keyOf(words);
      let best = -1;
      const consider = (c: number) => {
        const k = clusters[c].key!;
        const sameSurname = k.surname === key.surname && givenAgree(k.given, key.given);
        // A lone first name (Асия) refers to the person who has it.
        const firstName = key.given.length === 0 && k.given.length > 0 && k.given[0] === key.surname;
        if ((sameSurname || firstName) && (best < 0 || lastSeen[c] > lastSeen[best])) best = c;
      };
      for (const c of bySurname.get(key.surname) ?? NONE) consider(c);
      if (key.given.length === 0) for (const c of byGiven.get(key.surname) ?? NONE) consider(c);
      if (best < 0 && key.given.length === 0) best = closeSurname(clusters, byPrefix.get(key.surname.slice(0, 4)) ?? NONE, lastSeen, key.surname);
      target = best;
      if (target >= 0) {
        const k = clusters[target].key!;
        if (key.given.length > k.given.length && k.surname === key.surname) k.given = key.given;
      } else {
        clusters.push({ members: [], type: 'PER', key });
        target = clusters.length - 1;
        index(bySurname, key.surname, target);
      }
      const k = clusters[target].key!;
      if (k.given.length > 0) {
        index(byGiven, k.given[0], target);
        index(byPrefix, k.surname.slice(0, 4), target);
      }
    } else {
      let form = formsOf.get(m.normal);
      if (form === undefined) formsOf.set(m.normal, (form = formKey(m.normal)));
      target = byForm.get(form) ?? -1;
      if (target < 0) {
        clusters.push({ members: [], type: m.type, key: undefined });
        target = clusters.length - 1;
        byForm.set(form, target);
      }
    }
    clusters[target].members.push(i);
    lastSeen[target] = i;
  });
  mergeSurnames(clusters, mentions, bySurname, words);
  return mergeAbbreviations(clusters, mentions);
}

/** The member's name with the most words (the first of them on a tie): the person named in full. */
function fullest(members: readonly number[], mentions: readonly NameMention[]): string {
  let best = mentions[members[0]].normal;
  let words = best.split(' ').length;
  for (const i of members) {
    const n = mentions[i].normal.split(' ').length;
    if (n > words) { best = mentions[i].normal; words = n; }
  }
  return best;
}

/** One capitalised word (`Трумэн`, `Кюхельбекер-Иванов`), after any particles written with it (`Ле Пен`, `де Голль`). */
const SURNAME_ALONE = /^(?:\p{L}+ )*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/**
 * A one-word place or organisation (its surname particles aside: `Ле Пен`) that is the surname of
 * exactly one person named in full in the text joins that person (`Гарри Трумэн` … `Трумэн` tagged
 * LOC), unless the dictionary knows the word as a place or organisation (the city `Вашингтон`
 * beside `Джордж Вашингтон` stays apart).
 * The joined cluster is marked dead by emptying it; mergeAbbreviations drops it.
 */
function mergeSurnames(clusters: Array<Cluster & { key: PersonKey | undefined }>, mentions: readonly NameMention[], bySurname: Map<string, number[]>, words: WordKinds): void {
  for (const c of clusters) {
    if (c.type === 'PER' || c.members.length === 0) continue;
    const normal = mentions[c.members[0]].normal;
    if (!SURNAME_ALONE.test(normal) || words.place(normal)) continue;
    // A surname with its particles (`Ле Пен` tagged ORG) is the surname too; other words before it
    // make no surname.
    const key = keyOf(nameWords(normal));
    if (key.given.length > 0) continue;
    // Only a person named in full, by a first name: a lone word tagged PER once (`Хмеймим`) may be
    // the tagger's slip, and so may a place in two words (`Сербская Краина`).
    const people = bySurname.get(key.surname) ?? NONE;
    if (people.length !== 1) continue;
    const person = clusters[people[0]];
    if (person.key!.given.length === 0 || words.adjective(fullest(person.members, mentions).split(' ')[0])) continue;
    // They are mentions of that person: the quotes stage reads a speaker's type from its mention.
    for (const i of c.members) (mentions[i] as NameMention).type = 'PER';
    person.members.push(...c.members);
    person.members.sort((x, y) => x - y);
    c.members = [];
  }
}

/** One capitalised word of at least six letters: a candidate syllabic abbreviation (Госдума, Совфед). */
const SYLLABIC = /^\p{Lu}\p{Ll}{5,}$/u;

/**
 * Whether `short` is a syllabic abbreviation of the words of `full`: it splits into pieces of at
 * least three letters, each the beginning of the next word of `full` and covering all of them
 * (Мин+обороны = Министерство обороны, Гос+дума = Государственная дума, Сов+фед = Совет Федерации,
 * Евро+союз = Европейский союз); `Минск` is no Министерство сельского хозяйства.
 *
 * @example
 * isSyllabicAbbreviation('Минобороны', 'Министерство обороны'); // true
 */
export function isSyllabicAbbreviation(short: string, full: string): boolean {
  const words = fold(full).split(' ');
  if (words.length < 2) return false;
  const s = fold(short);
  const match = (si: number, wi: number): boolean => {
    if (wi === words.length) return si === s.length;
    const w = words[wi];
    for (let len = Math.min(w.length, s.length - si); len >= 3; len--) {
      if (s.startsWith(w.slice(0, len), si) && match(si + len, wi + 1)) return true;
    }
    return false;
  };
  return match(0, 0);
}

/**
 * Joins an abbreviation's cluster to the one place or organisation it abbreviates, when only one
 * fits: by initials (`ЕС`, `Европейский союз`) or by syllables (`Минобороны`, `Министерство обороны`).
 */
function mergeAbbreviations(clusters: Cluster[], mentions: readonly NameMention[]): Cluster[] {
  const alive = new Uint8Array(clusters.length);
  for (let k = 0; k < clusters.length; k++) alive[k] = clusters[k].members.length > 0 ? 1 : 0;
  const byInitials = new Map<string, number[]>();
  // A name recurs in a text: its initials are worked out once (undefined: an abbreviation itself).
  const initials = new Map<string, string | undefined>();
  clusters.forEach((c, k) => {
    if (c.type === 'PER') return;
    for (const i of c.members) {
      const normal = mentions[i].normal;
      let key = initials.get(normal);
      if (key === undefined && !initials.has(normal)) initials.set(normal, (key = isAbbreviation(normal) ? undefined : initialsOf(normal)));
      if (key === undefined) continue;
      const list = byInitials.get(key);
      if (list === undefined) byInitials.set(key, [k]);
      else if (!list.includes(k)) list.push(k);
    }
  });
  // Multi-word names by their first three letters, for the syllabic abbreviations (Минобороны).
  const byStart = new Map<string, number[]>();
  clusters.forEach((c, k) => {
    if (c.type === 'PER' || c.members.length === 0) return;
    const normal = mentions[c.members[0]].normal;
    if (!normal.includes(' ')) return;
    const key = fold(normal.slice(0, 3));
    const list = byStart.get(key);
    if (list === undefined) byStart.set(key, [k]);
    else list.push(k);
  });
  for (let a = 0; a < clusters.length; a++) {
    const ca = clusters[a];
    if (ca.type === 'PER' || !alive[a]) continue;
    const abbr = mentions[ca.members[0]].normal;
    const syllabic = !isAbbreviation(abbr) && SYLLABIC.test(abbr);
    if (!isAbbreviation(abbr) && !syllabic) continue;
    const fits = syllabic
      ? (byStart.get(fold(abbr.slice(0, 3))) ?? []).filter((b) => b !== a && alive[b] && isSyllabicAbbreviation(abbr, mentions[clusters[b].members[0]].normal))
      : (byInitials.get(abbr.replace(/Ё/g, 'Е')) ?? []).filter((b) => b !== a && alive[b]);
    if (fits.length !== 1) continue;
    const into = clusters[fits[0]];
    into.members.push(...ca.members);
    into.members.sort((x, y) => x - y);
    alive[a] = 0;
  }
  // A loop into a literal, not filter + map: one elements kind for the list (see entities/index.ts).
  const out: Cluster[] = [];
  for (let k = 0; k < clusters.length; k++) if (alive[k]) out.push({ members: clusters[k].members, type: clusters[k].type });
  return out;
}
