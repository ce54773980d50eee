// Builds dist/ for the tests that run the command line (bin/rutext.js imports dist/bundle/cli.js and
// batch workers load dist/bundle/worker.js), only when dist is missing or older than src/. Usable as
// jest's globalSetup and from a beforeAll: a lock directory keeps parallel test files from building
// at the same time.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale(): boolean {
  const main = join(root, 'dist/bundle/cli.js');
  const worker = join(root, 'dist/bundle/worker.js');
  if (!existsSync(main) || !existsSync(worker)) return true;
  return newest(join(root, 'src')) > Math.min(statSync(main).mtimeMs, statSync(worker).mtimeMs);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds dist/ when it is missing or older than src/ (tsc, the data files, then the bundle). */
export function ensureBuilt(): void {
  if (!stale()) return;
  const lock = join(tmpdir(), `rutext-build-${createHash('sha1').update(root).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file builds; a lock older than 3 minutes is left over from a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      sleep(200);
    }
  }
  try {
    if (!stale()) return;
    // tsc still emits when other parts of the tree have type errors; the CLI tests need only the JS.
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
    if (tsc.status !== 0) process.stderr.write(`ensureBuilt: tsc reported errors (the JS was emitted):\n${tsc.stdout.slice(0, 2000)}\n`);
    const copy = spawnSync(process.execPath, [join(root, 'scripts/copy-data.mjs')], { cwd: root, encoding: 'utf8' });
    if (copy.status !== 0) throw new Error(`copy-data failed: ${copy.stderr}`);
    const bundle = spawnSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { cwd: root, encoding: 'utf8' });
    if (bundle.status !== 0) throw new Error(`bundle failed: ${bundle.stderr}`);
    if (!existsSync(join(root, 'dist/bundle/cli.js'))) throw new Error('build produced no dist/bundle/cli.js');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export default function globalSetup(): void {
  ensureBuilt();
}

export interface CliResult { status: number | null; stdout: string; stderr: string }

/**
 * Runs `node bin/rutext.js ARGS` (the built CLI) and returns its exit code and output.
 * @example
 * runCli(['analyze', '--help']).status; // 0
 */
export function runCli(args: string[], o: { input?: string; stdinFile?: string; cwd?: string; env?: Record<string, string> } = {}): CliResult {
  // stdinFile: stdin is that file itself (`rutext … < FILE`), not a pipe of its text.
  const fd = o.stdinFile === undefined ? undefined : openSync(o.stdinFile, 'r');
  let r;
  try {
    r = spawnSync(process.execPath, [join(root, 'bin/rutext.js'), ...args], {
      cwd: o.cwd ?? root, encoding: 'utf8', maxBuffer: 1 << 28,
      env: { ...process.env, ...o.env },
      ...(fd === undefined ? { input: o.input ?? '' } : { stdio: [fd, 'pipe', 'pipe'] }),
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The repository root (absolute, with a trailing slash). */
export const repoRoot = root;

/** Asserts a CLI exit code; on failure the message shows stderr, which says why. */
export function expectExit(r: CliResult, code: number): void {
  expect({ status: r.status, stderr: r.stderr.slice(0, 3000) }).toMatchObject({ status: code });
}
