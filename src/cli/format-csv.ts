import type { Analysis } from '../types.js';

/**
 * One CSV field by RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled. A text that a spreadsheet would read as a formula (starting with
 * a tab, CR, or = + - @ after any spaces or invisible characters: an article quoting
 * `=HYPERLINK(…)`) gets a leading apostrophe, which spreadsheets show as "this is text" and do
 * not display (OWASP's advice against CSV injection). Numbers stay as they are.
 * @example
 * csvField('say "hi", then go'); // '"say ""hi"", then go"'
 * csvField('=1+2');              // "'=1+2"
 */
export function csvField(v: string | number | boolean | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// A tab or CR first, as OWASP lists; spaces and invisible characters before a sign do not stop a
// spreadsheet, nor do the fullwidth signs.
const FORMULA_START = /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@＝＋－＠])/u;

/**
 * One CSV record, CRLF-terminated as RFC 4180 says.
 * @example
 * csvRow(['q1', 'a,b', 3]); // 'q1,"a,b",3\r\n'
 */
export function csvRow(fields: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export type CsvTable = 'quotes' | 'entities';

export const CSV_COLUMNS: Record<CsvTable, readonly string[]> = {
  quotes: ['id', 'speaker', 'kind', 'text'],
  entities: ['id', 'type', 'name', 'roles', 'mentions', 'inBody', 'salience'],
};

/**
 * The rows of one document: a row per quote (id, speaker name, kind, text) or per entity (id,
 * type, nominative name, roles joined by '; ', mention count, inBody, salience). `file`, when
 * given, becomes a first column (several input files in one table).
 * @example
 * csvRows(analysis, 'quotes'); // ['q1,Касым-Жомарт Токаев,indirect,В фокусе политических партий … граждан\r\n', …]
 */
export function csvRows(a: Analysis, table: CsvTable, file?: string): string[] {
  const lead = file === undefined ? [] : [file];
  if (table === 'quotes') return a.quotes.map((q) => csvRow([...lead, q.id, q.speaker?.name ?? '', q.kind, q.text]));
  return a.entities.map((e) => csvRow([...lead, e.id, e.type, e.name, e.roles.join('; '), e.mentions.length, e.inBody, e.salience]));
}

/**
 * The header record, with the `file` column when several files share the table.
 * @example
 * csvHeader('quotes', false); // 'id,speaker,kind,text\r\n'
 */
export function csvHeader(table: CsvTable, withFile: boolean): string {
  return csvRow([...(withFile ? ['file'] : []), ...CSV_COLUMNS[table]]);
}
