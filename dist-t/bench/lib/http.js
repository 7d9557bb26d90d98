// JSON over loopback HTTP with an undici Pool, and a bounded-concurrency runner for setting up
// large clusters through the API.
import { readyPatch } from './objects.js';
export async function call(pool, method, path, body, contentType = 'application/json') {
    const res = await pool.request({
        method,
        path,
        headers: body === undefined ? {} : { 'content-type': contentType },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    let json;
    try {
        json = text ? JSON.parse(text) : undefined;
    }
    catch {
        json = text;
    }
    return { status: res.statusCode, json };
}
/** Like call, but throws unless the status is 2xx. */
export async function must(pool, method, path, body, contentType) {
    const r = await call(pool, method, path, body, contentType);
    if (r.status < 200 || r.status > 299)
        throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)?.slice(0, 300)}`);
    return r.json;
}
export function createObject(pool, resourcePath, obj) {
    return must(pool, 'POST', resourcePath, obj);
}
/** PATCH …/pods/NAME/status with the kubelet-like Ready merge patch; returns the pod. */
export function setReady(pool, namespace, name, ready) {
    return must(pool, 'PATCH', `/api/v1/namespaces/${namespace}/pods/${name}/status`, readyPatch(ready), 'application/merge-patch+json');
}
/** Runs fn(0..count-1) with at most `concurrency` in flight. */
export async function parallel(count, concurrency, fn) {
    let next = 0;
    const worker = async () => {
        while (next < count)
            await fn(next++);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
//# sourceMappingURL=http.js.map