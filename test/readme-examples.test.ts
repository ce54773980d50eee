// Keeps the README's library examples and the public API's TSDoc examples honest: every output
// they show is computed here and compared. Conventions (README, "Development"):
//
// - In a ```js or ```ts block, a line `EXPR; // → VALUE` shows the value of EXPR at that point of
//   the block (a long VALUE may start on a comment line of its own, `// → VALUE`, right under a
//   line holding only EXPR). VALUE is a JavaScript expression without variables (a literal, or
//   strings joined with +); when the line does not hold all of it, it goes on over the comment lines
//   that follow, joined by a space (so a string broken over lines stands for one space at each break).
// - `<!-- test: output -->` before a fenced block says that block is what the code block above it
//   prints with console.log. A line starting with a space continues the line before it: the line
//   break and the leading spaces are dropped (long JSON lines wrapped for reading).
// - `<!-- test: value EXPR -->` before a fenced JSON block says that JSON is EXPR, evaluated at the
//   end of the code block above it, abridged.
//
// - `<!-- test: commands -->` before a ```console block says that each `$ rutext analyze …` line
//   in it (with an optional `echo '…' |` before and `| head -N` after) prints the lines under it.
//
// Shown values are compared as abridged: every field shown must be there with the value shown,
// arrays have the length shown; fields left out are not checked. A code block is run only when one
// of its outputs is shown; it runs as a module would, its imports of 'rutext' (and of the internal
// modules below) bound to the sources, and relative paths read from the repository's root.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import * as rutext from '../src/index.js';
import { analyzeCommand } from '../src/cli/analyze-command.js';
import * as morphModule from '../src/morph/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Relative paths in an example mean the repository's root, as in the README's own commands. */
function rooted(path: fs.PathOrFileDescriptor): fs.PathOrFileDescriptor {
  return typeof path === 'string' && !path.startsWith('/') ? root + path : path;
}

const MODULES: Record<string, unknown> = {
  rutext,
  'node:fs': { ...fs, readFileSync: (p: fs.PathOrFileDescriptor, o?: never) => fs.readFileSync(rooted(p), o) },
  './src/morph/index.js': morphModule,
};

/** One thing an example shows: a value at a line, what its block prints, or a value at its end. */
type Shown =
  | { how: 'arrow'; line: number; expr: string; value: string }
  | { how: 'output'; line: number; text: string }
  | { how: 'value'; line: number; expr: string; json: string };

interface Example {
  where: string;
  code: string[];
  /** The line of `code[0]` in its file, for messages. */
  firstLine: number;
  shown: Shown[];
  /** TSDoc examples see the public API without importing it, as the module they document does. */
  implicitApi: boolean;
}

const ARROW = '// →';

/** Whether `src` parses as one JavaScript expression. */
function parses(src: string): boolean {
  try {
    new Function(`return (${src}\n);`);
    return true;
  } catch {
    return false;
  }
}

/** The `// →` lines of a block, each with its value gathered over the comment lines after it. */
function arrows(code: string[], firstLine: number): Shown[] {
  const out: Shown[] = [];
  for (let i = 0; i < code.length; i++) {
    const at = code[i].indexOf(ARROW);
    if (at < 0) continue;
    let expr = code[i].slice(0, at).trim();
    let line = firstLine + i;
    if (expr === '') {
      // A value too long for the expression's line starts on the line after it.
      let j = i - 1;
      while (j >= 0 && /^\s*(\/\/.*)?$/.test(code[j])) j--;
      if (j < 0 || code[j].includes(ARROW)) throw new Error(`line ${firstLine + i}: "${ARROW}" with no expression before it`);
      expr = code[j].trim();
      line = firstLine + j;
    }
    expr = expr.replace(/;$/, '');
    if (/^(const|let|var|import|for|if)\b/.test(expr)) throw new Error(`line ${line}: "${ARROW}" must follow an expression, not a statement: ${expr}`);
    let value = code[i].slice(at + ARROW.length).trim();
    while (!parses(value) && i + 1 < code.length && /^\s*\/\/(?!\s*→)/.test(code[i + 1])) {
      value += ' ' + code[++i].replace(/^\s*\/\/\s*/, '');
    }
    out.push({ how: 'arrow', line, expr, value });
  }
  return out;
}

/** A `$ rutext analyze …` line of the README and the lines it prints. */
interface Command {
  line: number;
  command: string;
  output: string[];
}

const commands: Command[] = [];

/** The README's examples: fenced js/ts blocks with what is shown of their results (and the commands, into `commands`). */
function readmeExamples(text: string): Example[] {
  const lines = text.split('\n');
  const examples: Example[] = [];
  let marker: { kind: 'output' } | { kind: 'value'; expr: string } | { kind: 'commands' } | undefined;
  let markerLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*<!-- test: (output|commands|value (.+?)) -->\s*$/.exec(lines[i]);
    if (m) {
      marker = m[1] === 'output' || m[1] === 'commands' ? { kind: m[1] } : { kind: 'value', expr: m[2] };
      markerLine = i + 1;
      continue;
    }
    const fence = /^(\s*)```(\w*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const indent = fence[1].length;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    const body = lines.slice(start, end).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)));
    i = end;
    if (marker?.kind === 'commands') {
      body.forEach((l, k) => {
        if (l.startsWith('$ ')) commands.push({ line: start + 1 + k, command: l.slice(2), output: [] });
        else if (commands.length > 0) commands[commands.length - 1].output.push(l);
      });
      marker = undefined;
      continue;
    }
    if (marker !== undefined) {
      const last = examples[examples.length - 1];
      if (last === undefined) throw new Error(`README line ${markerLine}: a test marker with no code block before it`);
      last.shown.push(marker.kind === 'output'
        ? { how: 'output', line: start + 1, text: body.join('\n') }
        : { how: 'value', line: start + 1, expr: marker.expr, json: body.join('\n') });
      marker = undefined;
      continue;
    }
    if (fence[2] === 'js' || fence[2] === 'ts') {
      examples.push({ where: `README.md:${start}`, code: body, firstLine: start + 1, shown: arrows(body, start + 1), implicitApi: false });
    }
  }
  if (marker !== undefined) throw new Error(`README line ${markerLine}: a test marker with no block after it`);
  return examples.filter((e) => e.shown.length > 0);
}

/** The `@example` blocks of the public API's source files (src/index.ts and the modules it re-exports). */
function tsdocExamples(): Example[] {
  const index = fs.readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
  const files = ['index.ts', ...[...index.matchAll(/from '\.\/([\w-]+)\.js'/g)].map((m) => `${m[1]}.ts`)];
  const examples: Example[] = [];
  for (const file of new Set(files)) {
    const lines = fs.readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example\s*$/.test(lines[i])) continue;
      const code: string[] = [];
      let j = i + 1;
      while (j < lines.length && !/^\s*\*\//.test(lines[j]) && !/^\s*\*\s*@\w/.test(lines[j])) {
        code.push(lines[j].replace(/^\s*\* ?/, ''));
        j++;
      }
      const shown = arrows(code, i + 2);
      if (shown.length > 0) examples.push({ where: `src/${file}:${i + 2}`, code, firstLine: i + 2, shown, implicitApi: true });
      i = j;
    }
  }
  return examples;
}

/** An example's code as a function body: imports bound to MODULES, each shown value recorded. */
function compile(example: Example): string {
  const code = [...example.code];
  for (const s of example.shown) {
    if (s.how !== 'arrow') continue;
    const i = s.line - example.firstLine;
    code[i] = `;__seen(${s.line}, (${s.expr}));`;
  }
  for (let i = 0; i < code.length; i++) {
    const m = /^\s*import\s+\{([^}]*)\}\s+from\s+'([^']+)';?\s*$/.exec(code[i]);
    if (m === null) {
      if (/^\s*import\s/.test(code[i])) throw new Error(`${example.where}: only "import { … } from '…'" is understood: ${code[i]}`);
      continue;
    }
    if (!(m[2] in MODULES)) throw new Error(`${example.where}: an example imports '${m[2]}', which this test does not provide`);
    code[i] = `const {${m[1].replace(/\s+as\s+/g, ': ')}} = __modules[${JSON.stringify(m[2])}];`;
  }
  const atEnd = example.shown.flatMap((s) => (s.how === 'value' ? [`;__seen(${s.line}, (${s.expr}));`] : []));
  return `{\n${code.join('\n')}\n${atEnd.join('\n')}\n}`;
}

/** Where `shown` differs from `actual`, checking only what `shown` holds. */
function differences(shown: unknown, actual: unknown, path = '$'): string[] {
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${path}: shown an array, got ${format('%o', actual)}`];
    if (shown.length !== actual.length) return [`${path}: shown ${shown.length} items, got ${actual.length}: ${format('%o', actual)}`];
    return shown.flatMap((v, i) => differences(v, actual[i], `${path}[${i}]`));
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: shown an object, got ${format('%o', actual)}`];
    return Object.entries(shown).flatMap(([k, v]) => differences(v, (actual as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return Object.is(shown, actual) ? [] : [`${path}: shown ${JSON.stringify(shown)}, got ${JSON.stringify(actual)}`];
}

/** Runs an example and returns its mismatches, one message each. */
async function check(example: Example): Promise<string[]> {
  const seen = new Map<number, unknown>();
  const printed: string[] = [];
  const params = ['__modules', '__seen', 'console', ...(example.implicitApi ? ['analyze', 'createAnalyzer', 'LAYERS', 'DataFileError'] : [])];
  const args: unknown[] = [MODULES, (line: number, v: unknown) => seen.set(line, v), { log: (...a: unknown[]) => printed.push(format(...a)) }];
  if (example.implicitApi) args.push(rutext.analyze, rutext.createAnalyzer, rutext.LAYERS, rutext.DataFileError);
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...a: string[]) => (...a: unknown[]) => Promise<void>;
  try {
    await new AsyncFunction(...params, compile(example))(...args);
  } catch (e) {
    return [`${example.where}: the example does not run: ${String(e)}`];
  }
  const problems: string[] = [];
  for (const s of example.shown) {
    if (s.how === 'output') {
      const want = s.text.replace(/\n +/g, '').split('\n');
      const got = printed.join('\n').split('\n');
      const k = want.findIndex((l, i) => l !== got[i]);
      if (k >= 0 || got.length !== want.length) {
        const i = k >= 0 ? k : want.length;
        problems.push(`output after line ${s.line}, its line ${i + 1}: shown ${JSON.stringify(want[i] ?? '(nothing)')}, got ${JSON.stringify(got[i] ?? '(nothing)')}`);
      }
      continue;
    }
    let want: unknown;
    try {
      want = s.how === 'arrow' ? new Function(`return (${s.value}\n);`)() : JSON.parse(s.json);
    } catch (e) {
      problems.push(`line ${s.line}: what is shown does not read as ${s.how === 'arrow' ? 'a JavaScript value' : 'JSON'} (${String(e)})`);
      continue;
    }
    problems.push(...differences(want, seen.get(s.line)).map((d) => `line ${s.line} (${s.expr}): ${d}`));
  }
  return problems;
}

const examples = [...readmeExamples(readme), ...tsdocExamples()];

/**
 * Runs a README command line in this process with the examples' shared analyzer and returns its
 * mismatches: `rutext analyze ARGS` (no quoting in ARGS), fed by `echo '…' |` as a file (so only
 * for JSON, which does not name its input), cut by `| head -N`.
 */
async function checkCommand(c: Command, dir: string): Promise<string[]> {
  const m = /^(?:echo '([^']*)' \| )?rutext analyze ([^|]+?)(?: \| head -(\d+))?\s*$/.exec(c.command);
  if (m === null) return [`line ${c.line}: only "[echo '…' |] rutext analyze ARGS [| head -N]" is understood: ${c.command}`];
  const args = m[2].split(/\s+/);
  if (m[1] !== undefined) {
    fs.writeFileSync(join(dir, 'stdin.txt'), m[1] + '\n');
    args.push(join(dir, 'stdin.txt'));
  }
  const out = join(dir, 'out.txt');
  // The README's paths are the repository's, and the text summary names its file as given.
  const cwd = process.cwd();
  process.chdir(root);
  let status: number;
  try {
    status = await analyzeCommand([...args, '-o', out], 'analyze', { analyze: rutext.analyze });
  } finally {
    process.chdir(cwd);
  }
  if (status !== 0) return [`line ${c.line}: ${c.command}: exit status ${status}`];
  let got = fs.readFileSync(out, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  if (m[3] !== undefined) got = got.slice(0, Number(m[3]));
  const k = c.output.findIndex((l, i) => l !== got[i]);
  if (k < 0 && got.length === c.output.length) return [];
  const i = k >= 0 ? k : c.output.length;
  return [`line ${c.line}: ${c.command}: its line ${i + 1}: shown ${JSON.stringify(c.output[i] ?? '(nothing)')}, got ${JSON.stringify(got[i] ?? '(nothing)')}`];
}

describe('the outputs the README and the TSDoc examples show', () => {
  test('are found (the conventions still match the text)', () => {
    expect(examples.filter((e) => e.where.startsWith('README')).length).toBeGreaterThanOrEqual(6);
    expect(examples.filter((e) => e.where.startsWith('src')).length).toBeGreaterThanOrEqual(1);
    expect(commands.length).toBeGreaterThanOrEqual(3);
  });

  test.each(commands.map((c) => [`README.md:${c.line} $ ${c.command}`, c] as const))('%s', async (_, c) => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'rutext-readme-'));
    try {
      expect(await checkCommand(c, dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(examples.map((e) => [`${e.where} (${e.shown.length} shown)`, e] as const))('%s', async (_, example) => {
    expect(await check(example)).toEqual([]);
  });

  test('a changed shown value fails', async () => {
    const example = examples.find((e) => e.shown.some((s) => s.how === 'arrow'))!;
    const s = example.shown.find((x) => x.how === 'arrow') as Extract<Shown, { how: 'arrow' }>;
    const wrong = { ...example, shown: [{ ...s, value: `[${s.value}]` }] };
    expect(await check(wrong)).not.toEqual([]);
  });
});
