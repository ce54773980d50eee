import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatOptions, parseArgs, UsageError, type OptionSpec } from '../src/cli/args.js';
import { ANALYZE_OPTIONS, VIEW_OPTIONS } from '../src/cli/analyze-command.js';
import { BATCH_OPTIONS } from '../src/cli/batch-command.js';
import { csvField, csvRow } from '../src/cli/format-csv.js';
import { parseFields, selectFields } from '../src/cli/fields.js';
import type { Analysis } from '../src/types.js';
import { ensureBuilt, expectExit, repoRoot, runCli } from './global-setup.js';

const article = join(repoRoot, 'fixtures/article.txt');
const articleText = readFileSync(article, 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'rutext-cli-'));

beforeAll(() => ensureBuilt(), 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF records) to read back what we write. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '"' || c === '\n' || c === '\r') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    field += c; i++;
  }
  if (field !== '' || row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

const unescape = (s: string): string => s.replace(/\\([ntr])/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] as string);

describe('argument parsing', () => {
  const specs: OptionSpec[] = [
    { name: 'format', short: 'f', value: 'FMT', help: 'x' },
    { name: 'pretty', help: 'y' },
  ];
  test.each([
    [['a.txt', '--format', 'csv'], { format: 'csv' }, ['a.txt']],
    [['--format=text', '-', 'b'], { format: 'text' }, ['-', 'b']],
    [['-f', 'html', '--pretty'], { format: 'html', pretty: true }, []],
    [['--', '--pretty'], {}, ['--pretty']],
    [['--format='], { format: '' }, []],
  ])('%j', (argv, options, positionals) => {
    const r = parseArgs(argv, specs);
    expect(Object.fromEntries(r.options)).toEqual(options);
    expect(r.positionals).toEqual(positionals);
  });
  test.each([
    [['--colour'], /unknown option --colour/],
    [['-x'], /unknown option -x/],
    [['--format'], /--format needs a value/],
    [['--pretty=yes'], /--pretty takes no value/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv, specs)).toThrow(UsageError);
    expect(() => parseArgs(argv, specs)).toThrow(message);
  });
  test('option table aligns help text, continuation lines included', () => {
    expect(formatOptions([{ name: 'a', short: 'a', help: 'one\ntwo' }, { name: 'long-name', value: 'N', help: 'three' }]))
      .toBe('  -a, --a            one\n                     two\n      --long-name N  three');
  });
});

describe('--fields', () => {
  test('keeps the chosen layers plus schemaVersion', () => {
    const a = { schemaVersion: 1, quotes: [], entities: [], themes: [{ phrase: 'x' }] } as unknown as Analysis;
    expect(selectFields(a, parseFields('themes, quotes'))).toEqual({ schemaVersion: 1, quotes: [], themes: [{ phrase: 'x' }] });
    expect(selectFields(a, null)).toBe(a);
  });
  test('unknown layers are named', () => {
    expect(() => parseFields('quotes,qoutes')).toThrow(/unknown layer qoutes/);
    expect(() => parseFields(' , ')).toThrow(UsageError);
  });
});

describe('CSV quoting (RFC 4180)', () => {
  const cases = readFileSync(join(repoRoot, 'test/data/cli/csv-fields.tsv'), 'utf8').split('\n')
    .filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t').map(unescape));
  test.each(cases)('%j → %j', (field, quoted) => {
    expect(csvField(field)).toBe(quoted);
  });
  test('a row round-trips through a strict reader (a text a spreadsheet would run as a formula behind an apostrophe)', () => {
    const fields = cases.map((c) => c[0]);
    expect(parseCsv(csvRow(fields))).toEqual([fields.map((f) => (/^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@＝＋－＠])/u.test(f) ? `'${f}` : f))]);
  });
  test('numbers, booleans and null', () => {
    expect(csvRow([1, true, null, undefined, 0.5, -2])).toBe('1,true,,,0.5,-2\r\n');
  });
  test('rutext analyze --format csv: a quote that reads as a formula is text in a spreadsheet', () => {
    const r = runCli(['analyze', '--format', 'csv'], { input: 'Песков заявил: «=HYPERLINK(\"http://example.com\"), и всё».' });
    expectExit(r, 0);
    expect(parseCsv(r.stdout)[1][3]).toBe('\'=HYPERLINK("http://example.com"), и всё');
  });
});

describe('rutext --help', () => {
  test('the main help names every command and exits 0', () => {
    const r = runCli(['--help']);
    expectExit(r, 0);
    for (const c of ['analyze', 'view', 'batch', '--version']) expect(r.stdout).toContain(c);
  });
  test.each([
    ['analyze', ANALYZE_OPTIONS, ['--format', '--pretty', '--tokens', '--fields', '--csv', '--bom', '--output', '--help']],
    ['view', VIEW_OPTIONS, ['--output', '--help']],
    ['batch', BATCH_OPTIONS, ['--workers', '--output', '--resume', '--fields', '--tokens', '--text-field', '--id-field', '--quiet', '--low-memory', '--help']],
  ])('%s --help documents every option', (command, specs, expected) => {
    const r = runCli([command as string, '--help']);
    expectExit(r, 0);
    expect(r.stdout).toMatch(new RegExp(`^usage: rutext ${command}`));
    const listed = [...r.stdout.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...expected as string[]].sort());
    expect((specs as OptionSpec[]).map((s) => `--${s.name}`).sort()).toEqual([...expected as string[]].sort());
    for (const s of specs as OptionSpec[]) expect(s.help.length).toBeGreaterThan(5);
  });
  test('-h works too', () => {
    expect(runCli(['batch', '-h']).stdout).toContain('--resume');
  });
});

describe('usage errors exit 2 and name the problem', () => {
  test.each([
    [['analyze', '--colour'], /unknown option --colour/],
    [['batch', '--wrokers', '2'], /unknown option --wrokers/],
    [['view', 'a.txt', '-x'], /unknown option -x/],
    [['--bogus'], /unknown option --bogus/],
    [['summarise'], /unknown command summarise/],
    [['analyze', '--format', 'pdf'], /--format must be one of json, text, csv, html/],
    [['analyze', article, '--csv', 'entities'], /--csv needs --format csv/],
    [['analyze', article, '--format', 'text', '--pretty'], /--pretty applies to --format json only/],
    [['analyze', article, '--format', 'csv', '--tokens'], /--tokens applies to --format json only/],
    [['analyze', article, article, '--format', 'html'], /one FILE/],
    [['analyze', '--fields', 'quotes,speeches', article], /unknown layer speeches/],
    [['batch', '--resume'], /--resume needs --output/],
    [['batch', '--workers', 'many'], /--workers must be an integer/],
    [['batch', 'a', 'b'], /one input/],
    [['batch', '/no/such/file.jsonl'], /cannot read \/no\/such\/file.jsonl/],
    [['view'], /exactly one FILE/],
  ])('%j', (args, message) => {
    const r = runCli(args);
    expectExit(r, 2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/--help/);
    expect(r.stdout).toBe('');
  });
  test('no command prints the usage to stderr', () => {
    const r = runCli([]);
    expectExit(r, 2);
    expect(r.stderr).toMatch(/^usage: rutext/);
  });
});

describe('rutext analyze', () => {
  let full: Analysis;
  beforeAll(() => {
    const r = runCli(['analyze', article]);
    expectExit(r, 0);
    full = JSON.parse(r.stdout) as Analysis;
  }, 120_000);

  test('one compact JSON Analysis per file', () => {
    expect(full.schemaVersion).toBe(1);
    expect(full.language.code).toBe('rus');
    expect(full.tokens).toBeUndefined();
    const two = runCli(['analyze', article, article]);
    const lines = two.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1])).toEqual(full);
  }, 300_000);

  test('stdin when no file is given, and "-"', () => {
    expect(JSON.parse(runCli(['analyze'], { input: articleText }).stdout)).toEqual(full);
    expect(JSON.parse(runCli(['analyze', '-'], { input: articleText }).stdout)).toEqual(full);
  }, 300_000);

  test('--pretty indents, --tokens adds tokens, --fields keeps layers', () => {
    const pretty = runCli(['analyze', article, '--pretty']).stdout;
    expect(pretty.split('\n').length).toBeGreaterThan(50);
    expect(JSON.parse(pretty)).toEqual(full);
    const tok = JSON.parse(runCli(['analyze', article, '--tokens']).stdout) as Analysis;
    expect(tok.tokens!.length).toBeGreaterThan(100);
    expect(tok.tokens!.every((t) => articleText.slice(t.start, t.end) === t.text)).toBe(true);
    const some = JSON.parse(runCli(['analyze', article, '--fields', 'quotes,speakers']).stdout) as Analysis;
    expect(Object.keys(some)).toEqual(['schemaVersion', 'quotes', 'speakers']);
    // The stages the fields do not need are skipped; what is kept is the full run's.
    expect(some.quotes).toEqual(full.quotes);
    expect(some.speakers).toEqual(full.speakers);
    const ents = JSON.parse(runCli(['analyze', article, '--fields', 'entities,themes']).stdout) as Analysis;
    expect(ents).toEqual({ schemaVersion: 1, entities: full.entities, themes: full.themes });
    // --tokens with --fields keeps the tokens too, as { tokens: true, layers } does in the library.
    const both = JSON.parse(runCli(['analyze', article, '--tokens', '--fields', 'quotes']).stdout) as Analysis;
    expect(both).toEqual({ schemaVersion: 1, tokens: tok.tokens, quotes: full.quotes });
  }, 300_000);

  test('--format text: the summary shows every quote (clipped) and every entity and theme', () => {
    const r = runCli(['analyze', article, '--format', 'text']);
    expectExit(r, 0);
    expect(r.stdout).toMatch(/^.*article\.txt: rus \(Russian\), \d+ quotes/);
    for (const h of ['Speakers and their quotes', 'Entities', 'Themes']) expect(r.stdout).toContain(h);
    for (const q of full.quotes) expect(r.stdout).toContain(q.text.replace(/\s+/g, ' ').slice(0, 60));
    for (const e of full.entities) expect(r.stdout).toContain(e.name);
    for (const t of full.themes) expect(r.stdout).toContain(t.phrase);
    // One of a kind is said in the singular.
    const one = runCli(['analyze', '--format', 'text'], { input: '«Это добрый знак», — сказал Токаев.' });
    expect(one.stdout.split('\n')[0]).toBe('stdin: rus (Russian), 1 quote, 1 entity, 2 themes');
    expect(one.stdout).toContain('Токаев (PER) — 1 quote\n');
  }, 300_000);

  test('--format csv: one row per quote, read back by a strict RFC 4180 reader', () => {
    const r = runCli(['analyze', article, '--format', 'csv']);
    expectExit(r, 0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['id', 'speaker', 'kind', 'text']);
    expect(rows.slice(1)).toEqual(full.quotes.map((q) => [q.id, q.speaker?.name ?? '', q.kind, q.text]));
  }, 300_000);

  test('--format csv --csv entities, several files get a file column, --bom', () => {
    const r = runCli(['analyze', article, article, '--format', 'csv', '--csv', 'entities', '--bom']);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(r.stdout.slice(1));
    expect(rows[0]).toEqual(['file', 'id', 'type', 'name', 'roles', 'mentions', 'inBody', 'salience']);
    expect(rows).toHaveLength(1 + 2 * full.entities.length);
    expect(rows.slice(1, 1 + full.entities.length).map((r2) => r2[3])).toEqual(full.entities.map((e) => e.name));
  }, 300_000);

  test('a quote with commas, quotes and a line break survives CSV', () => {
    const text = 'Он заявил: «Мы сделали, что могли. Скажу "честно":\nэто успех», — сказал министр Иванов.\n';
    const f = join(tmp, 'tricky.txt');
    writeFileSync(f, text);
    const a = JSON.parse(runCli(['analyze', f]).stdout) as Analysis;
    const rows = parseCsv(runCli(['analyze', f, '--format', 'csv']).stdout);
    expect(rows.slice(1).map((r) => r[3])).toEqual(a.quotes.map((q) => q.text));
  }, 300_000);

  test('-o writes a file; an unreadable file exits 1 and the others are still analysed', () => {
    const out = join(tmp, 'a.json');
    expectExit(runCli(['analyze', article, '-o', out]), 0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(full);
    const r = runCli(['analyze', '/no/such.txt', article]);
    expectExit(r, 1);
    expect(r.stderr).toMatch(/cannot read \/no\/such\.txt: ENOENT/);
    expect(JSON.parse(r.stdout)).toEqual(full);
  }, 300_000);

  test('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
  });
});
