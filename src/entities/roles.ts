import type { Doc } from '../doc.js';
import { readTsv } from './grammar.js';
import { foldYo, lowerCode } from '../letters.js';

/** A role from roles.tsv: its lemmas, the nominative shown to users, the office it names. */
export interface Role { lemmas: string[]; display: string; cls: string }

/** A role phrase found in a document: token range [tokStart, tokEnd). */
export interface RoleHit { tokStart: number; tokEnd: number; role: Role }

let byFirst: Map<string, Role[]> | undefined;
const PREFIX = 3;
/**
 * First three letters of every role's first word: most tokens fail this test before their lemma
 * is read (a role word's forms keep its first three letters: главы, послу, короля, мэра).
 */
let prefixes: Set<string> | undefined;
/** The same three letters as one number (see `prefixCode`). */
let prefixCodes: Set<number> | undefined;

function table(): Map<string, Role[]> {
  if (byFirst === undefined) {
    byFirst = new Map();
    prefixes = new Set();
    prefixCodes = new Set();
    for (const [lemmas, display, cls] of readTsv('roles.tsv')) {
      const role: Role = { lemmas: lemmas.split(' '), display, cls };
      prefixes.add(role.lemmas[0].slice(0, PREFIX));
      prefixCodes.add(prefixCode(role.lemmas[0]));
      const list = byFirst.get(role.lemmas[0]) ?? [];
      list.push(role);
      byFirst.set(role.lemmas[0], list);
    }
    for (const list of byFirst.values()) list.sort((a, b) => b.lemmas.length - a.lemmas.length);
  }
  return byFirst;
}

/**
 * The first three letters of a word, lower-cased, as one number (so that most tokens are ruled
 * out without building a string); -1 when any is outside the letters `lowerCode` folds. Ten bits
 * of each letter's code: prefixes may share a number (Latin and Cyrillic letters), which lets a
 * few more tokens through to the lemma test, never fewer.
 */
function prefixCode(w: string): number {
  const a = lowerCode(w.charCodeAt(0));
  const b = lowerCode(w.charCodeAt(1));
  const c = lowerCode(w.charCodeAt(2));
  return a < 0 || b < 0 || c < 0 ? -1 : ((a & 0x3ff) << 20) | ((b & 0x3ff) << 10) | (c & 0x3ff);
}

/** True when the word's first three letters, lower-cased, begin some role. */
function mayStartRole(w: string): boolean {
  const code = prefixCode(w);
  return code >= 0 ? prefixCodes!.has(code) : prefixes!.has(w.slice(0, PREFIX).toLowerCase());
}

/**
 * True when the lemma is the first word of some role of roles.tsv (`губернатор`, `мэр`, `глава`).
 * @example
 * startsRole('губернатор'); // true
 */
export function startsRole(lemma: string): boolean {
  return table().has(foldYo(lemma));
}

function lemmaAt(doc: Doc, i: number): string {
  return foldYo(doc.morph[i]?.lemma ?? '');
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
    if (t.kind !== 'word' || t.text.length < 3 || !mayStartRole(t.text)) continue;
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

let offices: Map<string, string> | undefined;

/**
 * The office a role names (roles.tsv's third column), by the role as Entity.roles shows it or,
 * for a one-word role, by its lemma: `премьер-министр` and `премьер` both name the head of
 * government, so a later «премьер» refers back to the one named `премьер-министр`. Undefined for
 * words that are no role.
 *
 * @example
 * officeOf('премьер');         // 'head_of_government'
 * officeOf('премьер-министр'); // 'head_of_government'
 */
export function officeOf(role: string): string | undefined {
  if (offices === undefined) {
    offices = new Map();
    for (const list of table().values()) {
      for (const r of list) {
        offices.set(foldYo(r.display), r.cls);
        if (r.lemmas.length === 1) offices.set(r.lemmas[0], r.cls);
      }
    }
  }
  return offices.get(foldYo(role));
}
