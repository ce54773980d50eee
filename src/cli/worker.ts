// A batch worker thread: loads one analyzer (resources once) and answers jobs in the order they arrive.
import { parentPort, workerData } from 'node:worker_threads';
import { isDataFileError } from '../data-file.js';
import { makeProcessor, type Job, type JobOptions } from './job.js';

export interface WorkerRequest { seq: number; job: Job }
/** A job's line, or `fatal`: the message of a DataFileError, which ends the run (no line for the job). */
export interface WorkerReply { seq: number; out: string; failed: boolean; fatal?: string }

if (parentPort !== null) {
  const port = parentPort;
  const run = makeProcessor(workerData as JobOptions);
  port.on('message', (msg: WorkerRequest) => {
    let r;
    try {
      r = run(msg.job);
    } catch (err) {
      if (!isDataFileError(err)) throw err;
      port.postMessage({ seq: msg.seq, out: '', failed: true, fatal: (err as Error).message } satisfies WorkerReply);
      return;
    }
    port.postMessage({ seq: msg.seq, out: r.out, failed: r.failed } satisfies WorkerReply);
  });
}
