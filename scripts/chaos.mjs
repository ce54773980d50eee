// `npm run chaos`: `rutext batch --resume` killed with SIGKILL at random moments, again and again,
// until a run completes; its output must then be byte for byte that of a run never killed. The
// batch tests kill one run once; this kills each resumed run too, at random moments (which may
// fall while it loads, mid-document, between writes or after its last line), with worker threads
// or without. A kill practically never tears a write to a file, so after every other kill the
// script also appends part of the next line, as a crash mid-write or a full disk leaves it, for
// `--resume` to cut off. After each kill the output must be a prefix of the uninterrupted run's.
//
// Input: the first CHAOS_LINES (default 300) articles of ../shared/data/kw/russia_today_1.jsonlines
// (`content` as text, `url` as id), or the whole JSON lines file CHAOS_INPUT (its `text` and `id`;
// CHAOS_LINES does not apply). Environment: RUTEXT_DATA, CHAOS_SEED (default 1), CHAOS_WORKERS
// (default 2), CHAOS_MIN_MS and CHAOS_MAX_MS (each run is killed after a random 300–3300 ms by
// default), CHAOS_MAX_KILLS (default 100: the run is declared stuck after so many),
// CHAOS_REF_TIMEOUT_MS (default 600 000, for the uninterrupted run). Exit status 0 when identical;
// 1 when not, or a run failed or got stuck; 2 for a bad setting, missing input or build, or a
// setting under which no run was killed or none made progress. Needs the build (`npm run chaos`
// builds).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumber } from './env.mjs';
import { rng } from './rng.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = join(root, 'bin', 'rutext.js');
let tmp; // made once the settings and the input are checked
const stop = (status, message) => {
  console.error(`chaos: ${message}`);
  if (tmp !== undefined && status !== 0) console.error(`chaos: files kept in ${tmp}`);
  process.exit(status);
};
const fail = (message) => stop(2, message);
const setting = (name, fallback, range) => envNumber('chaos', name, fallback, range);
const seed = setting('CHAOS_SEED', 1, { max: 2 ** 32 - 1 });
const workers = setting('CHAOS_WORKERS', 2, { max: 64 });
const minMs = setting('CHAOS_MIN_MS', 300);
const maxMs = setting('CHAOS_MAX_MS', Math.max(3300, minMs + 3000), { min: minMs + 1 });
const maxKills = setting('CHAOS_MAX_KILLS', 100, { min: 1 });
const lines = setting('CHAOS_LINES', 300, { min: 1 });
const refTimeoutMs = setting('CHAOS_REF_TIMEOUT_MS', 600_000, { min: 1 });
if (!existsSync(join(root, 'dist', 'bundle', 'cli.js'))) fail('no build in dist/ (npm run chaos builds)');

let input = process.env.CHAOS_INPUT;
let inputText;
let fields = [];
if (input === undefined) {
  const data = process.env.RUTEXT_DATA ?? resolve(root, '../shared/data');
  const corpus = join(data, 'kw', 'russia_today_1.jsonlines');
  if (!existsSync(corpus)) fail(`no ${corpus} (set RUTEXT_DATA or CHAOS_INPUT)`);
  inputText = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).slice(0, lines).join('\n') + '\n';
  fields = ['--text-field', 'content', '--id-field', 'url'];
} else if (!existsSync(input)) fail(`no CHAOS_INPUT ${input}`);
tmp = mkdtempSync(join(tmpdir(), 'rutext-chaos-'));
if (inputText !== undefined) writeFileSync((input = join(tmp, 'input.jsonl')), inputText);
const args = (out, ...more) => [bin, 'batch', input, ...fields, '-o', out, '-q', '--workers', String(workers), ...more];

const next = rng(seed);

const reference = join(tmp, 'reference.jsonl');
const ref = spawnSync(process.execPath, args(reference), { stdio: 'inherit', timeout: refTimeoutMs });
if (ref.error?.code === 'ETIMEDOUT') stop(1, `the uninterrupted run did not finish in ${refTimeoutMs} ms`);
if (ref.status !== 0) stop(1, `the uninterrupted run exited ${ref.status ?? ref.signal}`);
const expected = readFileSync(reference);

const out = join(tmp, 'killed.jsonl');
const written = () => (existsSync(out) ? readFileSync(out) : Buffer.alloc(0));
const countLines = (buf) => buf.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);

/** Complete lines of the output that match the reference's first ones (the output must hold nothing else but a torn tail of the next). */
function checkPrefix(buf) {
  const whole = buf.lastIndexOf(0x0a) + 1;
  if (!expected.subarray(0, whole).equals(buf.subarray(0, whole))) stop(1, 'after a kill the output is not a prefix of the uninterrupted run\'s');
  return whole;
}

let kills = 0, torn = 0, stalled = 0, before = 0;
for (;;) {
  const child = spawn(process.execPath, args(out, '--resume'), { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const after = minMs + Math.floor(next() * (maxMs - minMs));
  const timer = new Promise((done) => setTimeout(() => done(undefined), after));
  let end = await Promise.race([exited, timer]);
  if (end === undefined) {
    child.kill('SIGKILL');
    end = await exited;
  }
  if (end.signal === 'SIGKILL') {
    kills++;
    const buf = written();
    const whole = checkPrefix(buf);
    const done = countLines(buf);
    let note = '';
    // Every other kill, on average: part of the next line, as a write cut short leaves it.
    if (whole === buf.length && whole < expected.length && next() < 0.5) {
      const lineEnd = expected.indexOf(0x0a, whole);
      const cut = whole + 1 + Math.floor(next() * (lineEnd - whole - 1));
      appendFileSync(out, expected.subarray(whole, cut));
      torn++;
      note = `, ${cut - whole} bytes of the next line appended`;
    }
    console.log(`killed after ${after} ms: ${done} lines written${note}`);
    stalled = done > before ? 0 : stalled + 1;
    before = done;
    if (stalled >= 10) fail(`10 kills in a row with no new line: is CHAOS_MAX_MS (${maxMs}) shorter than the start-up?`);
    if (kills >= maxKills) stop(1, `still not done after ${kills} kills`);
    continue;
  }
  if (end.code !== 0) stop(1, `a resumed run exited ${end.code ?? end.signal}`);
  break;
}
if (kills === 0) fail(`the first run finished within ${minMs}–${maxMs} ms, so nothing was killed: raise CHAOS_LINES or lower CHAOS_MAX_MS`);
const same = written().equals(expected);
console.log(`chaos: seed ${seed}, ${workers} workers, ${kills} kills (${torn} with a torn line appended): the output ${same ? 'is byte for byte' : 'DIFFERS from'} the uninterrupted run's (${countLines(expected)} lines)`);
if (!same) stop(1, 'outputs differ');
rmSync(tmp, { recursive: true, force: true });
