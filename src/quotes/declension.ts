/**
 * A person's gender as the text's own declension of the name shows it. Russian declines a man's
 * surname that ends in a consonant («Эммануэля Макрона») and leaves a woman's as it is («Серены
 * Уильямс», «Ангелы Меркель»). The dictionary's readings mislead on foreign names: az knows
 * `Эммануэль` only as a woman's name and `Уильямс` only as a man's, so a later «он» skipped Макрон
 * and «она» skipped Серена Уильямс.
 */
import { isEastAsianFamilyName } from '../entities/eastAsianNames.js';
import { foldYo } from '../letters.js';

/** A surname's last letters that decline in a man's name and stay in a woman's. Not -ых/-их (Белых, Крутских: neither declines) nor an adjective's -ой/-ий/-ый. */
const DECLINING_END = /(?:[бвгджзклмнпрстфхцчшщ]|ь|[аеёуэюя]й)$/;
const NEVER_DECLINES = /(?:ых|их)$/;
/** A man's oblique endings after a surname's consonant («Макрона», «Макрону», «Макроном», «Макроне», «Петровым»). */
const MASC_AFTER_CONSONANT = /^(?:а|у|ом|е|ым)$/;
/** The same after -ь or -й, which the ending replaces («Гоголя», «Мэя», «Мэем»). */
const MASC_AFTER_SOFT = /^(?:я|ю|ем|ём|е)$/;
/** A woman's -а/-я first name in the genitive, dative, instrumental or prepositional («Серены», «Ольги», «Полоной», «Ване»). */
const FEMN_FIRST_OBLIQUE = /^(?:ы|и|ой|ей|ою|ею|е)$/;

const fold = (w: string) => foldYo(w.toLowerCase());

/** The ending a form adds to a stem (`stem` minus `drop` last letters), or undefined when the form is no such. */
function endingAfter(form: string, stem: string, drop: number): string | undefined {
  const base = stem.slice(0, stem.length - drop);
  return form.length > base.length && form.startsWith(base) ? form.slice(base.length) : undefined;
}

/**
 * Whether a surname's written nominative may be a man's or a woman's: it ends in a consonant, -ь
 * or -й and is no -ых/-их (a man's `Симоньян` is a woman's `Симоньян`; `Иванов` is not `Иванова`,
 * but the two differ in writing, so a written nominative ending in a consonant is either).
 * @example
 * surnameOfEitherGender('Симоньян'); // true
 * surnameOfEitherGender('Иванова'); // false
 */
export function surnameOfEitherGender(surname: string): boolean {
  const w = fold(surname);
  return DECLINING_END.test(w) && !NEVER_DECLINES.test(w);
}

/** Whether a surname (folded) declines in a man's name: `word` is one of its oblique forms. */
function mascForm(word: string, surname: string): boolean {
  if (word === surname) return false;
  const soft = /[ьй]$/.test(surname);
  const ending = endingAfter(word, surname, soft ? 1 : 0);
  return ending !== undefined && (soft ? MASC_AFTER_SOFT : MASC_AFTER_CONSONANT).test(ending);
}

/**
 * The gender a person's name mentions show by declension: 'masc' when a mention declines a
 * surname ending in a consonant, -ь or -й; 'femn' when a mention declines an -а/-я first name and
 * keeps such a surname as it is; undefined when the mentions show neither or both. `name` is the
 * person's name in the nominative; `mentions` the texts of the person's name mentions, of which
 * only those with as many words as the name count (a lone surname may be a relative's: Иванка
 * Трамп's cluster holds her father's «Трампа»).
 *
 * @example
 * declensionGender('Эммануэль Макрон', ['Эммануэля Макрона']); // 'masc'
 * declensionGender('Серена Уильямс', ['Серены Уильямс']); // 'femn'
 * declensionGender('Никита Белых', ['Никиты Белых']); // undefined: -ых never declines
 */
export function declensionGender(name: string, mentions: readonly string[]): 'masc' | 'femn' | undefined {
  const words = name.split(' ').map(fold);
  const surname = words[words.length - 1];
  if (!DECLINING_END.test(surname) || NEVER_DECLINES.test(surname)) return undefined;
  const first = words.length > 1 && /[ая]$/.test(words[0]) ? words[0] : undefined;
  const consonantFirst = words.length > 1 && DECLINING_END.test(words[0]) && !NEVER_DECLINES.test(words[0]) && !isEastAsianFamilyName(name.slice(0, name.indexOf(' ')));
  let masc = false;
  let femn = false;
  for (const text of mentions) {
    const m = text.split(/\s+/).map(fold);
    const last = m[m.length - 1];
    if (m.length !== words.length) continue;
    // A man's first name ending in a consonant declines with his surname («Эвана Энджела»); one that
    // does not is no man's name («от города Телук Рамуния», a place read as a person), unless it is
    // an East Asian family name, which never declines («Мун Чжэ Ина»).
    if (mascForm(last, surname)) masc ||= !consonantFirst || m[0] !== words[0];
    else if (first !== undefined && last === surname) {
      const ending = endingAfter(m[0], first, 1);
      if (ending !== undefined && FEMN_FIRST_OBLIQUE.test(ending)) femn = true;
    }
  }
  return masc === femn ? undefined : masc ? 'masc' : 'femn';
}
