// Asking a worker to wind down: post a message and wait for its answer, or for it to exit, or
// at most a few seconds; whichever comes first, nothing is left listening or ticking.
export function workerReply(worker, message, isReply, timeoutMs = 5000) {
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            worker.off('message', onMessage);
            worker.off('exit', done);
            resolve();
        };
        const onMessage = (m) => {
            if (isReply(m))
                done();
        };
        const timer = setTimeout(done, timeoutMs);
        worker.on('message', onMessage);
        worker.on('exit', done);
        worker.postMessage(message);
    });
}
//# sourceMappingURL=worker-reply.js.map