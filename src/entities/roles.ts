import type { Doc } from '../doc.js';
import { readTsv } from './grammar.js';

/** A role from roles.tsv: its lemmas, the nominative shown to users, the office it names. */
export interface Role { lemmas: string[]; display: string; cls: string }

/** A role phrase found in a document: token range [tokStart, tokEnd). */
export interface RoleHit { tokStart: number; tokEnd: number; role: Role }

let byFirst: Map<string, Role[]> | undefined;
/** First two letters of every role's first word: most tokens fail this test before their lemma is read. */
let prefixes: Set<string> | undefined;
/** Char codes of those first letters, case folded the cheap way (| 0x20 maps А-Я onto а-я, A-Z onto a-z). */
let firstLetters: Set<number> | undefined;

function table(): Map<string, Role[]> {
  if (byFirst === undefined) {
    byFirst = new Map();
    prefixes = new Set();
    firstLetters = new Set();
    for (const [lemmas, display, cls] of readTsv('roles.tsv')) {
      const role: Role = { lemmas: lemmas.split(' '), display, cls };
      prefixes.add(role.lemmas[0].slice(0, 2));
      firstLetters.add(role.lemmas[0].charCodeAt(0) | 0x20);
      const list = byFirst.get(role.lemmas[0]) ?? [];
      list.push(role);
      byFirst.set(role.lemmas[0], list);
    }
    for (const list of byFirst.values()) list.sort((a, b) => b.lemmas.length - a.lemmas.length);
  }
  return byFirst;
}

function lemmaAt(doc: Doc, i: number): string {
  const l = doc.morph[i]?.lemma ?? '';
  return l.includes('ё') ? l.replace(/ё/g, 'е') : l;
}

/**
 * The role phrases of a document, longest first at each place, not overlapping: `президент`,
 * `глава государства`, `министр иностранных дел`. Matching is by lemma, so `главы государства`
 * and `Президент` count too.
 *
 * @example
 * findRoles(doc); // [{ tokStart: 3, tokEnd: 4, role: { display: 'президент', cls: 'head_of_state', … } }]
 */
export function findRoles(doc: Doc): RoleHit[] {
  const roles = table();
  const out: RoleHit[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    if (t.kind !== 'word' || t.text.length < 3 || !firstLetters!.has(t.text.charCodeAt(0) | 0x20) || !prefixes!.has(t.text.slice(0, 2).toLowerCase())) continue;
    const list = roles.get(lemmaAt(doc, i));
    if (list === undefined) continue;
    for (const role of list) {
      let ok = true;
      for (let k = 1; k < role.lemmas.length && ok; k++) ok = lemmaAt(doc, i + k) === role.lemmas[k];
      if (ok) {
        out.push({ tokStart: i, tokEnd: i + role.lemmas.length, role });
        i += role.lemmas.length - 1;
        break;
      }
    }
  }
  return out;
}
