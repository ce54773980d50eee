/** Counters a batch run updates; the reporter reads them. */
export interface ProgressState {
  /** Documents written (analysed or failed) by this run. */
  done: number;
  failed: number;
  /** Documents skipped by --resume (already in the output). */
  skipped: number;
  /** Units of the known total handled so far (bytes of an input file, or files of a folder). */
  unitsDone: number;
  /** Of unitsDone, those skipped by --resume: they cost no time, so the ETA leaves them out. */
  unitsSkipped: number;
  /** The total in the same units, when known. */
  unitsTotal: number | null;
}

/**
 * One progress line: documents, docs/s, percentage and ETA when the total is known.
 * `bar` adds a 24-cell bar for terminals.
 * @example
 * progressLine({ done: 500, failed: 2, skipped: 0, unitsDone: 50, unitsSkipped: 0, unitsTotal: 100 }, 10, true);
 * // '[############------------]  50.0% 500 docs (2 failed) 50.0 docs/s ETA 0:10'
 */
export function progressLine(s: ProgressState, elapsedSec: number, bar: boolean): string {
  const rate = elapsedSec > 0 ? s.done / elapsedSec : 0;
  const parts: string[] = [];
  let eta: string | null = null;
  if (s.unitsTotal !== null && s.unitsTotal > 0) {
    const frac = Math.min(1, s.unitsDone / s.unitsTotal);
    if (bar) {
      const cells = Math.round(frac * 24);
      parts.push(`[${'#'.repeat(cells)}${'-'.repeat(24 - cells)}]`);
    }
    parts.push(`${(frac * 100).toFixed(1).padStart(5)}%`);
    // Skipped (resumed) units cost nothing, so the pace counts only the work done by this run.
    const workedFrac = frac - s.unitsSkipped / s.unitsTotal;
    if (workedFrac > 0 && elapsedSec > 0) eta = clock(((1 - frac) / workedFrac) * elapsedSec);
  }
  parts.push(`${s.done} docs${s.failed > 0 ? ` (${s.failed} failed)` : ''}`);
  if (s.skipped > 0) parts.push(`${s.skipped} skipped`);
  parts.push(`${rate.toFixed(1)} docs/s`);
  if (eta !== null) parts.push(`ETA ${eta}`);
  return parts.join(' ');
}

/**
 * Seconds as m:ss or h:mm:ss.
 * @example
 * clock(3725); // '1:02:05'
 */
export function clock(sec: number): string {
  const t = Math.max(0, Math.round(sec));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const ss = String(t % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * Reports progress on a stream: a bar redrawn in place on a terminal, a plain line every
 * `everySec` seconds otherwise (logs of cluster jobs), and a summary line at the end.
 * @example
 * const p = startProgress(state, process.stderr, { quiet: false });
 * … ; p.finish();
 */
export function startProgress(s: ProgressState, out: NodeJS.WriteStream, o: { quiet: boolean; everySec?: number }): { finish(): void } {
  const t0 = Date.now();
  const elapsed = (): number => (Date.now() - t0) / 1000;
  if (o.quiet) return { finish() {} };
  const tty = out.isTTY === true;
  const timer = setInterval(() => {
    if (tty) out.write(`\r${progressLine(s, elapsed(), true)}\x1b[K`);
    else out.write(`rutext batch: ${progressLine(s, elapsed(), false)}\n`);
  }, tty ? 200 : (o.everySec ?? 10) * 1000);
  timer.unref();
  return {
    finish() {
      clearInterval(timer);
      const sec = elapsed();
      const summary = `rutext batch: ${s.done} documents${s.failed > 0 ? `, ${s.failed} failed` : ''}${s.skipped > 0 ? `, ${s.skipped} skipped (already in the output)` : ''} in ${sec.toFixed(1)} s (${(sec > 0 ? s.done / sec : 0).toFixed(1)} docs/s)`;
      out.write(tty ? `\r${summary}\x1b[K\n` : `${summary}\n`);
    },
  };
}
