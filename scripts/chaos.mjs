// `npm run chaos`: `rutext batch --resume` killed with SIGKILL at random moments, again and again,
// until a run completes; its output must then be byte for byte that of a run never killed. The
// batch tests kill one run once; this kills each resumed run too, at any point (while loading,
// mid-document, between writes, after the last line), with worker threads or without.
//
// Input: the first CHAOS_LINES (default 300) articles of ../shared/data/kw/russia_today_1.jsonlines
// (`content` as text, `url` as id), or the JSON lines file CHAOS_INPUT (its `text` and `id`).
// Environment: RUTEXT_DATA, CHAOS_SEED (default 1), CHAOS_WORKERS (default 2), CHAOS_MIN_MS and
// CHAOS_MAX_MS (each run is killed after a random 300–3300 ms by default), CHAOS_MAX_KILLS
// (default 100: the run is declared stuck after so many). Exit status 0 when identical, 1 when
// not (or a resumed run failed), 2 for a bad setting. Needs the build (`npm run chaos` builds).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = join(root, 'bin', 'rutext.js');
const fail = (message) => { console.error(`chaos: ${message}`); process.exit(2); };
const setting = (name, fallback, min) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min) fail(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
  return value;
};
const seed = setting('CHAOS_SEED', 1, 0);
const workers = setting('CHAOS_WORKERS', 2, 0);
const minMs = setting('CHAOS_MIN_MS', 300, 0);
const maxMs = setting('CHAOS_MAX_MS', 3300, minMs + 1);
const maxKills = setting('CHAOS_MAX_KILLS', 100, 1);
const lines = setting('CHAOS_LINES', 300, 1);

const tmp = mkdtempSync(join(tmpdir(), 'rutext-chaos-'));
let input = process.env.CHAOS_INPUT;
let fields = [];
if (input === undefined) {
  const data = process.env.RUTEXT_DATA ?? resolve(root, '../shared/data');
  const corpus = join(data, 'kw', 'russia_today_1.jsonlines');
  let text;
  try { text = readFileSync(corpus, 'utf8'); } catch { fail(`no ${corpus} (set RUTEXT_DATA or CHAOS_INPUT)`); }
  input = join(tmp, 'input.jsonl');
  writeFileSync(input, text.split('\n').filter(Boolean).slice(0, lines).join('\n') + '\n');
  fields = ['--text-field', 'content', '--id-field', 'url'];
}
const args = (out, ...more) => [bin, 'batch', input, ...fields, '-o', out, '-q', '--workers', String(workers), ...more];

// mulberry32, as scripts/rng.ts (this script runs without tsx)
let state = seed >>> 0;
const next = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const reference = join(tmp, 'reference.jsonl');
const ref = spawnSync(process.execPath, args(reference), { stdio: 'inherit' });
if (ref.status !== 0) { console.error(`chaos: the uninterrupted run exited ${ref.status}`); process.exit(1); }

const out = join(tmp, 'killed.jsonl');
const countLines = () => { try { return readFileSync(out, 'utf8').split('\n').length - 1; } catch { return 0; } };
let kills = 0;
for (;;) {
  const child = spawn(process.execPath, args(out, '--resume'), { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const after = minMs + Math.floor(next() * (maxMs - minMs));
  const timer = new Promise((done) => setTimeout(() => done(undefined), after));
  const first = await Promise.race([exited, timer]);
  if (first === undefined) {
    child.kill('SIGKILL');
    await exited;
    kills++;
    console.log(`killed after ${after} ms: ${countLines()} lines written`);
    if (kills >= maxKills) { console.error(`chaos: still not done after ${kills} kills`); process.exit(1); }
    continue;
  }
  if (first.code !== 0) { console.error(`chaos: a resumed run exited ${first.code ?? first.signal}`); process.exit(1); }
  break;
}
const same = readFileSync(out).equals(readFileSync(reference));
console.log(`chaos: seed ${seed}, ${workers} workers, ${kills} kills: the output ${same ? 'is byte for byte' : 'DIFFERS from'} the uninterrupted run's (${countLines()} lines)`);
if (same) rmSync(tmp, { recursive: true, force: true });
else console.log(`chaos: both outputs kept in ${tmp}`);
process.exit(same ? 0 : 1);
