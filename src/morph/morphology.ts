import type Az from 'az';
import snowball from 'snowball-stemmers';
import type { MorphTok } from '../doc.js';
import { loadAz } from './az.js';

type Parse = Az.Parse;

/**
 * Word-level morphology shared by the stages: az parses, Snowball stems, and caches for both.
 * One instance per Analyzer; the dictionaries themselves are loaded once per process.
 *
 * @example
 * const m = new Morphology();
 * m.parses('Токаева')[0].normalize().word; // 'токаев'
 */
export class Morphology {
  private readonly az = loadAz();
  private readonly stemmer = snowball.newStemmer('russian');
  private readonly parseCache = new Map<string, Parse[]>();
  private readonly stemCache = new Map<string, string>();
  private readonly bestCache = new Map<string, MorphTok>();

  /** All az parses of a word form (case-insensitive), best first; cached. */
  parses(form: string): Parse[] {
    let p = this.parseCache.get(form);
    if (p === undefined) {
      try { p = this.az(form); } catch { p = []; }
      this.parseCache.set(form, p);
    }
    return p;
  }

  /** Snowball stem of the lower-cased, ё→е form; cached. */
  stem(form: string): string {
    let s = this.stemCache.get(form);
    if (s === undefined) {
      const norm = form.toLowerCase().replace(/ё/g, 'е');
      s = /[а-я]/.test(norm) ? this.stemmer.stem(norm) : norm;
      this.stemCache.set(form, s);
    }
    return s;
  }

  /** Context-free analysis: the dictionary's first parse. */
  best(form: string): MorphTok {
    let m = this.bestCache.get(form);
    if (m === undefined) {
      const p = this.parses(form);
      m = p.length > 0 ? this.fromParse(form, p[0]) : { stem: this.stem(form), lemma: form.toLowerCase(), pos: undefined, tags: [] };
      this.bestCache.set(form, m);
    }
    return m;
  }

  /** Builds the MorphTok for one parse of a form. */
  fromParse(form: string, parse: Parse): MorphTok {
    return { stem: this.stem(form), lemma: parse.normalize().word, pos: parse.tag.POS, tags: tagList(parse) };
  }
}

/** The grammemes of a parse as a flat list, without the POS. */
export function tagList(parse: Parse): string[] {
  const s = parse.tag.toString();
  const out: string[] = [];
  for (const part of s.split(/[ ,]/)) if (part && part !== parse.tag.POS) out.push(part);
  return out;
}
