/**
 * az's probability of a dictionary reading: the value its p_t_given_w table holds for the key
 * `word:tag` (in millionths), the number Morph scores dictionary readings by.
 *
 * az looks each reading up by building that key and searching it from the table's root. The
 * readings of one word follow each other and share the `word:` part, and their tags share
 * beginnings (`NOUN,inan,masc sing,nomn`, `NOUN,inan,masc sing,accs`): here the walk resumes from
 * the node where the previous key of the same word stopped sharing, so each reading costs the
 * steps of what is new in its key. Same walk, same nodes, same values.
 */
import type Az from 'az';
import { followChar, followString } from './az-lookup.js';

/** The part of az's 'int' DAWG read here (a value per key). */
export interface IntDawg {
  followByte(c: number, index: number): number;
  hasValue(index: number): boolean;
  value(index: number): number;
}

const MISSING = -1;
const COLON = 0x3a;

/**
 * az's scores table, read reading by reading.
 * @example
 * const table = new ReadingProbabilities(Az.DAWG.fromArrayBuffer(buffer, 'int') as IntDawg);
 * table.of(Az.Morph('стали')[0]); // e.g. 623456 (millionths), undefined where the table lacks it
 */
export class ReadingProbabilities {
  // The last word walked and the node after `word:` (−1 when the table has no such key).
  private word = '';
  private wordNode = MISSING;
  // The last tag walked from wordNode: nodes[i] is the node after its first i + 1 letters, for
  // the `walked` letters the table had.
  private tag = '';
  private walked = 0;
  private nodes = new Int32Array(64);

  constructor(private readonly table: IntDawg) {}

  /** The table's value for a dictionary reading (`p.toString() + ':' + p.tag`), or undefined. */
  of(p: Az.Parse): number | undefined {
    const word = p.toString();
    if (word !== this.word) {
      let index = followString(this.table, word, 0);
      if (index !== MISSING) index = this.table.followByte(COLON, index);
      this.word = word;
      this.wordNode = index;
      this.tag = '';
      this.walked = 0;
    }
    if (this.wordNode === MISSING) return undefined;
    const tag = p.tag.toString(); // memoised per tag object (az.ts)
    const last = this.tag;
    let i = 0;
    const shared = Math.min(this.walked, tag.length);
    while (i < shared && tag.charCodeAt(i) === last.charCodeAt(i)) i++;
    let index = i === 0 ? this.wordNode : this.nodes[i - 1];
    if (tag.length > this.nodes.length) {
      const grown = new Int32Array(2 * tag.length);
      grown.set(this.nodes);
      this.nodes = grown;
    }
    for (; i < tag.length; i++) {
      index = followChar(this.table, tag.charCodeAt(i), index);
      if (index === MISSING) break;
      this.nodes[i] = index;
    }
    this.tag = tag;
    this.walked = i;
    if (i < tag.length) return undefined;
    return this.table.hasValue(index) ? this.table.value(index) : undefined;
  }
}
