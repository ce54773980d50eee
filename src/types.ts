/**
 * Public output schema, version 1. Every span is a pair of UTF-16 offsets (JavaScript string
 * indices, end-exclusive) into the original input text.
 */
export interface Span {
  /** Offset of the first character (UTF-16 code units: `text.slice(start, end)`). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** A person, a place (countries and cities too) or an organisation (bodies, companies, media). */
export type EntityType = 'PER' | 'LOC' | 'ORG';

/** What a token is; a lone surrogate or a control character is a `symbol`. */
export type TokenKind = 'word' | 'number' | 'punct' | 'symbol' | 'url' | 'email' | 'hashtag' | 'mention' | 'emoji';

/** The language of the text, judged from its body. */
export interface Language {
  /**
   * ISO 639-3: `rus`, `ukr`, `bel`, `bul`, `kaz`, `srp`, `mkd`, `eng`, or `und` when there is too
   * little text to say (fewer than 10 letters).
   */
  code: string;
  /** Whether `code` is `rus`: the stages after layout are built for Russian. */
  isRussian: boolean;
  /** 0..1; 0 for `und`. */
  confidence: number;
}

/** One token of the text (with `{ tokens: true }`); tokens never overlap and cover every non-space character. */
export interface Token extends Span {
  /** The token as written: `text.slice(start, end)`. */
  text: string;
  kind: TokenKind;
  /** Snowball (Russian) stem of the lower-cased word; the token itself, lower-cased, for other kinds. */
  stem: string;
  /** Dictionary form chosen in context, lower case, by Universal Dependencies' conventions (`выступая` → `выступать`). */
  lemma: string;
  /** OpenCorpora part of speech (`NOUN`, `VERB`, `ADJF`, `PREP` …; `LATN` for a Latin-script word); absent for punctuation, numbers and other non-words. */
  pos?: string;
  /** OpenCorpora grammemes of the chosen reading (`nomn`, `sing`, `masc`, `Surn` …); absent when it has none. */
  tags?: string[];
}

/** One mention of an entity; `normal` is the mention put in the nominative ('Токаева' → 'Токаев'). */
export interface Mention extends Span { text: string; normal: string; kind: 'name' | 'role' | 'pronoun' }

/** A person, place or organisation, its mentions grouped across the text. */
export interface Entity {
  /** `e1`, `e2` … by salience, most salient first (ties by first mention); quotes and speakers refer to it by this id. */
  id: string;
  type: EntityType;
  /** Fullest nominative name in the cluster: 'Касым-Жомарт Токаев', 'Казахстан'. */
  name: string;
  mentions: Mention[];
  /** Roles in the nominative: 'президент', 'глава государства'. */
  roles: string[];
  /** False when every mention lies in boilerplate (sidebars, lists). */
  inBody: boolean;
  /** 0..1, the most salient entity of the text has 1: body mentions, an early first mention and roles weigh. */
  salience: number;
}

/**
 * Who a quote is attributed to.
 * @example
 * import { analyze } from 'rutext';
 * const speaker = (text) => analyze(text).quotes[0].speaker;
 * speaker('Сергей Лавров заявил, что переговоры продолжатся.');
 * // → { name: 'Сергей Лавров', type: 'PER', entityId: 'e1', mention: { text: 'Сергей Лавров', kind: 'name' } }
 * speaker('Эксперт заявил, что переговоры продолжатся.');
 * // → { name: null, type: 'PER', entityId: null, mention: { text: 'Эксперт', kind: 'role' } }
 * speaker('Депутаты заявили, что переговоры продолжатся.');
 * // → { name: null, type: 'OTHER', entityId: null, mention: { text: 'Депутаты', kind: 'role' } }
 * speaker('Сообщается, что переговоры продолжатся.'); // → null
 */
export interface QuoteSpeaker {
  /**
   * The speaker's name in the nominative (`Сергей Лавров`, `МИД России`); null for an unnamed
   * source (`эксперты`, `источник в министерстве`, `эксперт`), whose `mention` is kept.
   */
  name: string | null;
  /**
   * `PER` also for one unnamed person (a singular role noun for a person that names no one:
   * `эксперт`, `тренер «Зенита»`); `OTHER` for other unnamed sources (`эксперты`, `источник`) and
   * for a phrase that is no entity.
   */
  type: EntityType | 'OTHER';
  /** The entity's id (`Entity.id`), or null when the speaker is no entity of the text. */
  entityId: string | null;
  /** The words in this quote's clause that name the speaker: a name, a role (`глава государства`) or a pronoun (`он`). */
  mention: Mention | null;
}

/** One act of reported speech. Its span runs from the first segment's start to the last one's end. */
export interface Quote extends Span {
  /** `q1`, `q2` … in text order. */
  id: string;
  /** `direct`: the words as said, in quotation marks or after a dash; `indirect`: reported (`заявил, что …`, `по словам …`). */
  kind: 'direct' | 'indirect';
  /** The content, without quotation marks; segments joined by a space. */
  text: string;
  /** The content's pieces: a direct quote interrupted by its attribution has two. */
  segments: Span[];
  /** The words that say it is speech (`заявил`, `по словам`, the colon or dash of a direct quote), with their lemma. */
  cue: Span & { text: string; lemma: string };
  /** Null when the text names no source at all (`Сообщается, что …`). */
  speaker: QuoteSpeaker | null;
}

/** A quoted entity, once, with its quotes. */
export interface Speaker {
  entityId: string;
  /** The name in the nominative; for a body, the nominative found at its quotes. */
  name: string;
  type: EntityType;
  /** As in the entity: `президент`, `глава государства`. */
  roles: string[];
  /** The ids of its quotes (`Quote.id`), in text order. */
  quoteIds: string[];
}

/** A key theme of the text. */
export interface Theme {
  /** In its normal form: `политическая партия`, `выборы`, `Касым-Жомарт Токаев`. */
  phrase: string;
  /** Larger is more central; comparable within one text, not across texts. Themes come best first. */
  score: number;
  /** How many times the text uses the phrase (in any form). */
  count: number;
  /** Where: one span per occurrence. */
  spans: Span[];
}

/** The analysis of one text (schema version 1). */
export interface Analysis {
  schemaVersion: 1;
  language: Language;
  /** The article's own text: boilerplate before and after it is left out (promotion blocks, script code and photo credits inside it are in `boilerplate`). */
  body: Span;
  /**
   * Regions before and after the body: `list` ("most read", a feed of headlines), `navigation`,
   * `counters`, `metadata`, `links`, `code`; and inside the body `promo` (a label, another
   * article's headline and lead), `code` (script text a scraper kept) and `credit` (a photo
   * credit: `© Reuters`), in text order.
   */
  boilerplate: Array<Span & { kind: string }>;
  /** One per non-blank line, trimmed (a line broken around a link is joined back). */
  paragraphs: Span[];
  /** Every token belongs to exactly one sentence. */
  sentences: Span[];
  /** Only with `{ tokens: true }` or `layers: ['tokens', …]`. */
  tokens?: Token[];
  /** Most salient first. */
  entities: Entity[];
  /** In text order. */
  quotes: Quote[];
  /** Each quoted entity once, in order of its first quote. */
  speakers: Speaker[];
  /** Best first, at most `maxThemes` (10). */
  themes: Theme[];
}

/** The layers of an Analysis, in schema order (schemaVersion is always there). */
export const LAYERS = Object.freeze(['language', 'body', 'boilerplate', 'paragraphs', 'sentences', 'tokens', 'entities', 'quotes', 'speakers', 'themes'] as const);
/** The name of one layer of an Analysis. */
export type Layer = (typeof LAYERS)[number];

/** Options of `analyze` and `createAnalyzer`; a call's options replace the analyzer's one by one. */
export interface AnalyzeOptions {
  /** Include the token layer (stem, lemma, pos, tags) in the output. Default false. */
  tokens?: boolean;
  /** Most themes to return. Default 10; 0 skips the themes stage. */
  maxThemes?: number;
  /**
   * The layers you need; default all. Stages that none of them needs are skipped, and the layers
   * those stages make come back empty (`[]`); a layer made on the way (the entities, for quotes) is
   * returned too. A layer you get is the same whatever else you ask
   * for: quotes and speakers need the entities (a speaker is an entity), and so do themes (names
   * are themes), so asking for them runs the entities stage too. `'tokens'` here is the same as
   * `tokens: true`.
   * @example
   * createAnalyzer({ layers: ['entities'] }); // no quote or theme search: about a fifth less work
   */
  layers?: readonly Layer[];
}
