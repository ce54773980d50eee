import type { Tok } from '../doc.js';
import { isSpaceCode } from './chars.js';

/*
 * Token readings: web copy writes some words and marks in a way that looks the same on screen but
 * not to a program. A CMS hyphenates long words with soft hyphens (`Пу\u00ADтин`), editors and
 * feeds leave zero-width spaces and joiners inside words, macOS sources decompose `й` and `ё`
 * (`и` + U+0306), a Latin letter slips into a Cyrillic word or the other way round (`Пyтин`,
 * `CША`, `Рatriot`), and a dash is typed as `‒`, `―` or `−`. Each such token is read as what it
 * shows: its `text` becomes that reading, while its span stays on the input, so the later stages
 * (morphology, the tagger, names, quotes, themes) see `Путин` and every span still points into the
 * text the caller gave.
 */

/**
 * Characters that make a token read differently, or a Latin and a Cyrillic letter side by side.
 * One test over the text: an article without any pays for this scan only (about 30 µs for 6 000
 * characters), never for a pass over its tokens.
 */
const ODD_TEXT = /[\u00ad\u0300-\u036f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u2012\u2015\u2212\u2039\u203a]|[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]/;
const ODD_WORD = /[\u00ad\u0300-\u036f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]/;
/** Invisible format characters a word may hold: soft hyphen, zero-width space and joiners, direction marks and overrides, word joiner, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const COMBINING = /[\u0300-\u036f]/;

// Latin and Cyrillic letters drawn alike, as pairs of codes: a word written mostly in one script
// reads its other-script look-alikes as that script's letters.
const PAIRS = 'AА aа BВ CС cс EЕ eе HН KК MМ OО oо PР pр TТ XХ xх yу';
const TO_CYRILLIC = new Map<number, string>();
const TO_LATIN = new Map<number, string>();
for (const pair of PAIRS.split(' ')) {
  TO_CYRILLIC.set(pair.charCodeAt(0), pair[1]);
  TO_LATIN.set(pair.charCodeAt(1), pair[0]);
}

const isLatin = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isCyrillic = (c: number): boolean => c >= 0x400 && c < 0x500;

/**
 * A run of letters that mixes Latin and Cyrillic, in the script of most of its letters when every
 * letter of the other script has a look-alike there (ties go to Cyrillic: this is Russian text);
 * the run itself otherwise (`РоссияvsЯпония`, `mailом` are two words glued, not look-alikes).
 */
function oneScript(run: string): string {
  let latin = 0;
  let cyrillic = 0;
  let latinFits = true; // every Latin letter has a Cyrillic look-alike
  let cyrillicFits = true;
  for (let k = 0; k < run.length; k++) {
    const c = run.charCodeAt(k);
    if (isLatin(c)) {
      latin++;
      if (!TO_CYRILLIC.has(c)) latinFits = false;
    } else if (isCyrillic(c)) {
      cyrillic++;
      if (!TO_LATIN.has(c)) cyrillicFits = false;
    }
  }
  if (latin === 0 || cyrillic === 0) return run;
  const toCyrillic = latinFits && (cyrillic >= latin || !cyrillicFits);
  const toLatin = !toCyrillic && cyrillicFits;
  if (!toCyrillic && !toLatin) return run;
  const map = toCyrillic ? TO_CYRILLIC : TO_LATIN;
  let out = '';
  for (let k = 0; k < run.length; k++) out += map.get(run.charCodeAt(k)) ?? run[k];
  return out;
}

/**
 * How a word token reads: without invisible characters, with decomposed letters composed (NFC),
 * each run of letters in one script (see oneScript).
 * @example
 * wordReading('Пу\u00ADтин'); // 'Путин'
 * wordReading('Пyтин');       // 'Путин' (Latin y)
 * wordReading('XXI');         // 'XXI'
 */
export function wordReading(text: string): string {
  if (!ODD_WORD.test(text)) return text;
  let s = text.replace(INVISIBLE, '');
  if (COMBINING.test(s)) s = s.normalize('NFC');
  return s.replace(/\p{L}+/gu, oneScript);
}

/** A space at text[k], or the text's edge. */
function blankAt(text: string, k: number): boolean {
  return k < 0 || k >= text.length || isSpaceCode(text.charCodeAt(k));
}

/**
 * Rewrites the text of the tokens that read differently from how they are written (see above) and
 * returns their indices, in order; an empty list, without a pass over the tokens, for text that
 * has none of the characters involved. Dashes: `‒` and `―` are always dashes, `−` (minus) only
 * standing alone between spaces (`−5` stays a sign); `‹ ›` read as `« »`.
 * @example
 * const tokens = tokenize('Пу\u00ADтин ― президент');
 * readTokens(text, tokens); // [0, 1]: tokens[0].text === 'Путин', tokens[1].text === '—'
 */
export function readTokens(text: string, tokens: Tok[]): number[] {
  const rewritten: number[] = [];
  if (!ODD_TEXT.test(text)) return rewritten;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let reading = t.text;
    if (t.kind === 'word') {
      reading = wordReading(t.text);
      // A word of invisible characters only (cannot be made by the tokenizer, but stay safe).
      if (reading.length === 0) reading = t.text;
    } else if (t.text.length === 1) {
      const c = t.text.charCodeAt(0);
      if (c === 0x2012 || c === 0x2015) reading = '—';
      else if (c === 0x2212 && blankAt(text, t.start - 1) && blankAt(text, t.end)) {
        reading = '—';
        t.kind = 'punct';
      } else if (c === 0x2039) reading = '«';
      else if (c === 0x203a) reading = '»';
    }
    if (reading !== t.text) {
      t.text = reading;
      rewritten.push(i);
    }
  }
  return rewritten;
}
