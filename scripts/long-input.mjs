// `npm run long-input`: one very long article through `rutext analyze --tokens`, as a user would
// run it, at a few sizes: CPU time, peak RSS and the output's size. The analysis of a long text
// outgrows V8's longest string (2^29 − 24 characters) long before the text does: ~75 MB of text
// with the token layer is ~1.1 GB of JSON, which `analyze` once failed to write after all the work.
//
// The text is the articles of $RUTEXT_DATA/kw/russia_today_1.jsonlines (title, content, a blank
// line), repeated until it has the size asked for. Each size runs in a child process of its own
// (its peak RSS is then the run's), writing to a temporary file that is checked and removed: one
// JSON line, starting `{"schemaVersion":` and ending `]}` (the themes layer closed).
// Environment: LONG_SIZES (MB of UTF-8 text, comma-separated; default 1,10,75: the last needs
// ~4 GB of memory and a minute or two), RUTEXT_DATA (data dir, default ../shared/data), BENCH_DIST
// (another build's dist/, absolute or relative to scripts/, as for the bench).
// Exit status 1 when a run failed or wrote something else than one JSON line, 2 for a bad setting
// or missing data.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[2] === 'child') {
  // The child: the command line's own entry, then what the run cost.
  const dist = process.env.BENCH_DIST === undefined ? resolve(root, 'dist') : resolve(root, 'scripts', process.env.BENCH_DIST);
  const { main } = await import(resolve(dist, 'bundle/cli.js'));
  const t0 = process.cpuUsage();
  const code = await main(['analyze', process.argv[3], '--tokens', '-o', process.argv[4]]);
  const u = process.cpuUsage(t0);
  process.stdout.write(JSON.stringify({ code, cpuS: (u.user + u.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

const fail = (message) => { console.error(`long-input: ${message}`); process.exit(2); };
const raw = process.env.LONG_SIZES ?? '1,10,75';
const sizes = raw.split(',').map((s) => Number(s.trim()));
if (sizes.some((s) => !Number.isFinite(s) || s <= 0 || s > 400)) fail(`LONG_SIZES must be numbers of MB from 0 to 400, comma-separated, got ${JSON.stringify(raw)}`);
const corpus = resolve(process.env.RUTEXT_DATA ?? resolve(root, '../shared/data'), 'kw/russia_today_1.jsonlines');
if (!existsSync(corpus)) fail(`missing ${corpus} (set RUTEXT_DATA)`);
const articles = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => {
  const j = JSON.parse(l);
  return `${j.title ?? ''}\n${j.content ?? ''}\n\n`;
});

const tmp = mkdtempSync(join(tmpdir(), 'rutext-long-'));
let bad = 0;
console.log('| text, MB (UTF-8) | characters | CPU s | peak RSS, MB | output, MB | exit code |');
console.log('| --- | --- | --- | --- | --- | --- |');
try {
  for (const mb of sizes) {
    const parts = [];
    let bytes = 0;
    for (let i = 0; bytes < mb * 1e6; i++) {
      const a = articles[i % articles.length];
      parts.push(a);
      bytes += Buffer.byteLength(a);
    }
    const input = join(tmp, 'in.txt');
    const output = join(tmp, 'out.json');
    const text = parts.join('');
    writeFileSync(input, text);
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'child', input, output], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const last = r.stdout.trim().split('\n').pop() ?? '';
    let got = null;
    try { got = JSON.parse(last); } catch { /* reported below */ }
    const outBytes = existsSync(output) ? statSync(output).size : 0;
    const problem = r.status !== 0 || got === null ? `the run failed (status ${r.status}): ${r.stderr.trim().slice(-300)}`
      : got.code !== 0 ? `exit code ${got.code}: ${r.stderr.trim().slice(-300)}`
        : oneJsonLine(output, outBytes);
    console.log(`| ${(bytes / 1e6).toFixed(1)} | ${text.length} | ${got ? got.cpuS.toFixed(1) : '-'} | ${got ? got.maxRssMb.toFixed(0) : '-'} | ${(outBytes / 1e6).toFixed(0)} | ${got ? got.code : '-'} |`);
    if (problem !== null) {
      bad++;
      console.error(`long-input: ${mb} MB: ${problem}`);
    }
    rmSync(output, { force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(bad > 0 ? 1 : 0);

/**
 * null when the file looks like one JSON analysis on one line: it starts `{"schemaVersion":`, ends
 * with `]}` and a line break (themes is the last layer), and holds no other line break (JSON
 * strings escape theirs). Too long to parse whole in JavaScript, which is the point.
 */
function oneJsonLine(path, size) {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let pos = 0;
    let first = '';
    let tail = '';
    while (pos < size) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      const chunk = buf.subarray(0, n);
      if (pos === 0) first = chunk.subarray(0, 17).toString();
      const nl = chunk.indexOf(10);
      if (nl !== -1 && pos + nl !== size - 1) return `a line break at byte ${pos + nl} of ${size}`;
      tail = (tail + chunk.subarray(Math.max(0, n - 3)).toString('latin1')).slice(-3);
      pos += n;
    }
    if (first !== '{"schemaVersion":') return `starts ${JSON.stringify(first)}`;
    if (tail !== ']}\n') return `ends ${JSON.stringify(tail)}`;
    return null;
  } finally {
    closeSync(fd);
  }
}
