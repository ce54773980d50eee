// A stand-in batch worker for the pool tests: echoes the text, dies on "CRASH", answers "LIMITS"
// with its thread's resource limits, and when started with workerData.failAtLoad throws before
// answering anything (a worker that cannot start).
import { parentPort, resourceLimits, workerData } from 'node:worker_threads';

if (workerData?.failAtLoad) throw new Error('cannot load resources');
parentPort.on('message', ({ seq, job }) => {
  if (job.text === 'CRASH') process.exit(3);
  if (job.text === 'LIMITS') {
    parentPort.postMessage({ seq, out: JSON.stringify({ id: job.id, limits: resourceLimits }), failed: false });
    return;
  }
  parentPort.postMessage({ seq, out: JSON.stringify({ id: job.id, echo: job.text }), failed: false });
});
