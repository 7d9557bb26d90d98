// JSON over loopback HTTP with an undici Pool, and a bounded-concurrency runner for setting up
// large clusters through the API.

import { Pool } from 'undici';
import type { KubeObject } from '../../domain/objects.js';
import { readyPatch } from './objects.js';

export interface JsonResponse {
  status: number;
  json: any;
}

export async function call(pool: Pool, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, contentType = 'application/json'): Promise<JsonResponse> {
  const res = await pool.request({
    method,
    path,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.statusCode, json };
}

/** Like call, but throws unless the status is 2xx. */
export async function must(pool: Pool, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, contentType?: string): Promise<any> {
  const r = await call(pool, method, path, body, contentType);
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)?.slice(0, 300)}`);
  return r.json;
}

export function createObject(pool: Pool, resourcePath: string, obj: KubeObject): Promise<any> {
  return must(pool, 'POST', resourcePath, obj);
}

/** PATCH …/pods/NAME/status with the kubelet-like Ready merge patch; returns the pod. */
export function setReady(pool: Pool, namespace: string, name: string, ready: boolean): Promise<any> {
  return must(pool, 'PATCH', `/api/v1/namespaces/${namespace}/pods/${name}/status`, readyPatch(ready), 'application/merge-patch+json');
}

/** Runs fn(0..count-1) with at most `concurrency` in flight. */
export async function parallel(count: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
