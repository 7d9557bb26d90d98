// Asking a worker to wind down: post a message and wait for its answer, or for it to exit, or
// at most a few seconds; whichever comes first, nothing is left listening or ticking.

import type { Worker } from 'node:worker_threads';

export function workerReply(worker: Worker, message: unknown, isReply: (m: unknown) => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', done);
      resolve();
    };
    const onMessage = (m: unknown) => {
      if (isReply(m)) done();
    };
    const timer = setTimeout(done, timeoutMs);
    worker.on('message', onMessage);
    worker.on('exit', done);
    worker.postMessage(message);
  });
}
