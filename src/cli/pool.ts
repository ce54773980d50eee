import { Worker } from 'node:worker_threads';
import { isDataFileError } from '../data-file.js';
import { errorLine, lineId, makeProcessor, messageOf, type Job, type JobOptions, type JobResult } from './job.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/** Runs jobs; `run` resolves with the job's output line and never rejects. */
export interface Runner {
  /** True when another job can be accepted without queueing behind a busy worker. */
  readonly hasCapacity: boolean;
  run(job: Job): Promise<JobResult>;
  /** Resolves when some running job finishes (or at once if none runs). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Analyses in the calling thread (`--workers 0`): no threads, one analyzer.
 * @example
 * const r = inProcessRunner(opts, (err) => { throw err; }); await r.run({ line: '{"text":"…"}', lineNo: 1 });
 */
export function inProcessRunner(o: JobOptions, onFatal: (err: Error) => void): Runner {
  const analyse = makeProcessor(o);
  return {
    hasCapacity: true,
    async run(job) {
      // Yield to the event loop between documents so output drains and progress ticks.
      await new Promise<void>((r) => setImmediate(r));
      // makeProcessor throws only a DataFileError: the run ends, and the job is left unanswered so
      // that no line is written for it. Anything else it should ever throw is an error line, as a
      // worker's death is, instead of a rejection that would end the run.
      try {
        return analyse(job);
      } catch (err) {
        if (isDataFileError(err)) {
          onFatal(err as Error);
          return new Promise<JobResult>(() => {});
        }
        const id = 'line' in job ? lineId(job.line, job.lineNo, o.idField) : job.id;
        return errorLine(id, `analysis failed: ${messageOf(err)}`);
      }
    },
    idle: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/**
 * The most each worker's young generation (where new objects live until they survive two
 * collections) may take, in MB. V8 sizes it by the machine's memory: a worker's default is 48 MB on
 * Node 20 and 22, 192 on Node 24 and 96 on Node 26 (a 24 GiB machine), and an analyzer's constant
 * stream of short-lived objects fills whatever it is given. Over kw/russia_today_0 on Node 24,
 * `--workers 1` peaked at 417–420 MB of RSS without this bound and 312–338 with it, for ~4 % more
 * CPU (the median of three pairs); on Node 20 and 22 the bound is V8's own. A Worker option
 * (`resourceLimits`), not a V8 flag, so the code cache stays usable (a flag would make V8 refuse it).
 */
export const WORKER_YOUNG_GENERATION_MB = 48;

interface Pending { seq: number; job: Job; resolve: (r: JobResult) => void }

interface Slot { worker: Worker; queue: Pending[] }

/**
 * A pool of worker threads, each with its own analyzer (resources loaded once per thread). Jobs go
 * to the least busy worker, at most `perWorker` queued on each so a slow document holds back few
 * others. A worker that dies (out of memory, a crash in native code) fails only the job it was on:
 * that job gets an error line, the jobs queued behind it go to a fresh worker.
 * @example
 * const pool = workerPool(new URL('./worker.js', import.meta.url), 2, opts, (err) => { throw err; });
 * const { out } = await pool.run({ id: 'a.txt', text });
 * await pool.close();
 */
export function workerPool(script: URL, size: number, o: JobOptions, onFatal: (err: Error) => void, perWorker = 4): Runner {
  const slots: Slot[] = [];
  // Deaths with no answer in between mean the workers cannot start at all (e.g. dist/ not built):
  // then respawning would loop for ever, so the run stops instead of writing error lines.
  let deathsInARow = 0;
  let seq = 0;
  let closing = false;
  let waiters: Array<() => void> = [];
  const wake = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  // A broken installation (DataFileError, in a job or as a worker loads): every job would fail
  // alike, so the run ends, and the jobs are left unanswered so that no line is written for them.
  const fatal = (message: string): void => {
    if (closing) return;
    closing = true;
    onFatal(new Error(message));
  };

  const spawn = (index: number): void => {
    const worker = new Worker(script, { workerData: o, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, queue: slots[index]?.queue ?? [] };
    slots[index] = slot;
    worker.on('message', (msg: WorkerReply) => {
      if (msg.fatal !== undefined) {
        fatal(msg.fatal);
        return;
      }
      const i = slot.queue.findIndex((p) => p.seq === msg.seq);
      if (i < 0) return;
      deathsInARow = 0;
      const [p] = slot.queue.splice(i, 1);
      p.resolve({ out: msg.out, failed: msg.failed });
      wake();
    });
    let died = false;
    const onDeath = (reason: string): void => {
      if (died || closing) return;
      died = true;
      if (++deathsInARow > 2 * size + 2) {
        closing = true;
        onFatal(new Error(`batch workers keep dying (${reason})`));
        return;
      }
      const [culprit, ...rest] = slot.queue;
      slot.queue = [];
      if (culprit !== undefined) {
        const j = culprit.job;
        const id = 'line' in j ? lineId(j.line, j.lineNo, o.idField) : j.id;
        culprit.resolve(errorLine(id, `worker died: ${reason}`));
      }
      spawn(index);
      for (const p of rest) send(slots[index], p);
      wake();
    };
    // Errors thrown in a worker arrive as copies that may not be instances of this realm's Error.
    worker.on('error', (err: unknown) => {
      // A data file missing as the worker loads: as one missing at an analysis.
      if (isDataFileError(err)) {
        fatal((err as Error).message);
        return;
      }
      onDeath(typeof (err as Error)?.message === 'string' ? (err as Error).message : String(err));
    });
    worker.on('exit', (code) => onDeath(`exit code ${code}`));
  };

  const send = (slot: Slot, p: Pending): void => {
    slot.queue.push(p);
    slot.worker.postMessage({ seq: p.seq, job: p.job } satisfies WorkerRequest);
  };

  for (let i = 0; i < size; i++) spawn(i);

  return {
    get hasCapacity() {
      return slots.some((s) => s.queue.length < perWorker);
    },
    run(job: Job): Promise<JobResult> {
      return new Promise((resolve) => {
        let best = slots[0];
        for (const s of slots) if (s.queue.length < best.queue.length) best = s;
        send(best, { seq: seq++, job, resolve });
      });
    },
    idle(): Promise<void> {
      if (slots.every((s) => s.queue.length === 0)) return Promise.resolve();
      return new Promise((r) => waiters.push(r));
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
