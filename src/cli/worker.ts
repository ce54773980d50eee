// A batch worker thread: loads one analyzer (resources once) and answers jobs in the order they arrive.
import { parentPort, workerData } from 'node:worker_threads';
import { makeProcessor, type Job, type JobOptions } from './job.js';

export interface WorkerRequest { seq: number; job: Job }
export interface WorkerReply { seq: number; out: string; failed: boolean }

if (parentPort !== null) {
  const port = parentPort;
  const run = makeProcessor(workerData as JobOptions);
  port.on('message', (msg: WorkerRequest) => {
    const r = run(msg.job);
    port.postMessage({ seq: msg.seq, out: r.out, failed: r.failed } satisfies WorkerReply);
  });
}
