// WATCH on a resource collection: newline-delimited watch events over a chunked response,
// flushed per event (api-concepts "Efficient detection of changes"). From rv unset/0: synthetic
// ADDED for the current state; from rv N: every event after N, from the watch cache or the log;
// below the retention floor: one ERROR 410 Expired, then close. Selector transitions turn into
// ADDED/DELETED for the watcher, as the cacher does.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { queryBool, queryInt64 } from './query-params.js';
import { errors, type FieldError } from '../domain/errors.js';
import { FieldPath, forbidden, notSupported } from '../domain/validation/path.js';
import type { LogEvent } from '../domain/events.js';
import type { KubeObject } from '../domain/objects.js';
import type { Ledger } from '../store/ledger.js';
import { filterFromQuery, liveCandidates, matches, type ObjectFilter } from './filter.js';
import { inKeyOrder } from './list.js';
import { triggerValue, type WatchTarget } from './watch-dispatch.js';
import { includeObjectParam, negotiate } from './negotiate.js';
import { partialObject, requireObjectForm } from './partial-metadata.js';
import type { ResourcePath } from './paths.js';
import type { RouteDeps } from './resources.js';
import { toTable } from './tables.js';
import { resourceVersionParam } from './wait-rv.js';

const BOOKMARK_INTERVAL_MS = 30_000;
/** How long before the watch's deadline its last bookmark goes out. */
const BOOKMARK_LEAD_MS = 2_000;
/** A watcher this far behind is closed (it re-watches from its last rv). */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** While catching up (the initial ADDED of the state, or the events after its rv), the replay
 * waits for the socket past this much queued, as kube-apiserver's watch server blocks on the
 * connection: a state of 100,000 pods is 400+ MB, far past what may be queued at once. */
const CATCH_UP_BYTES = 1024 * 1024;
/** Events held for a watcher while it catches up; past this it is closed as too far behind (it
 * re-watches from its last rv), as the cacher closes a watcher whose buffer stays full. */
const MAX_PENDING_EVENTS = 10_000;
/** A catch-up whose socket takes nothing for this long is closed as too far behind. */
const CATCH_UP_STALL_MS = 60_000;
const MIN_REQUEST_TIMEOUT_S = 1800;

type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

export async function serveWatch(req: FastifyRequest, reply: FastifyReply, path: ResourcePath, deps: RouteDeps): Promise<void> {
  const { ledger } = deps;
  const q = req.query as Record<string, unknown>;
  if (queryBool(q.sendInitialEvents)) {
    throw errors.invalid('ListOptions', 'meta.k8s.io', '', [
      { type: 'FieldValueForbidden', field: 'sendInitialEvents', message: 'Forbidden: sendInitialEvents is not supported by this server; use list, then watch' },
    ]);
  }
  // validateWatchOptions: resourceVersionMatch goes with sendInitialEvents only, as NotOlderThan.
  const match = typeof q.resourceVersionMatch === 'string' ? q.resourceVersionMatch : '';
  if (match !== '') {
    const field = FieldPath.of('resourceVersionMatch');
    const problems: FieldError[] = [];
    if (q.sendInitialEvents === undefined) problems.push(forbidden(field, 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
    if (match !== 'NotOlderThan') problems.push(notSupported(field, match, ['NotOlderThan']));
    if (problems.length) throw errors.invalid('ListOptions', 'meta.k8s.io', '', problems);
  }
  // A watch's events are framed as JSON only: any other acceptable type is a 406 too.
  const { table, partial } = negotiate(req.headers.accept, true);
  if (partial) requireObjectForm(partial, path.info.kind);
  const includeObject = includeObjectParam(q.includeObject);
  const filter = filterFromQuery(path.info.kind, path.namespace, q);
  if (path.namespace === undefined) filter.namespace = undefined;
  const filterKey = `transition ${JSON.stringify([filter.namespace ?? '', q.labelSelector ?? '', q.fieldSelector ?? ''])}`;
  const rvParam = resourceVersionParam(q.resourceVersion);
  const bookmarks = queryBool(q.allowWatchBookmarks);
  const timeoutS = watchTimeoutSeconds(q.timeoutSeconds);

  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders?.();
  deps.watchers?.inc();

  let firstTable = true;
  let closed = false;
  let lastRv = rvParam ?? ledger.committedRv;
  const send = (line: unknown) => write(JSON.stringify(line) + '\n');
  /** Writes whole lines. */
  const write = (lines: string | Buffer) => {
    if (closed) return;
    res.write(lines);
    if (res.writableLength > MAX_BUFFERED_BYTES) tooFarBehind();
  };
  /** One ERROR 410, then close. Written here, not through send: that would find the buffer still
   * over the limit and write the error again, without end. */
  const tooFarBehind = () => {
    if (closed) return;
    const expired = errors.expired(`watch of ${path.info.resource} fell too far behind; re-watch from resourceVersion ${lastRv}`).status;
    res.write(`${JSON.stringify({ type: 'ERROR', object: expired })}\n`);
    close();
  };
  /** Wakes a catch-up waiting in drained() when the watch closes (timeoutSeconds, shutdown): a
   * client that stopped reading never drains the socket. */
  let wakeCatchUp: (() => void) | undefined;
  /** During catch-up: resolves once the socket has taken most of what is queued, or the watch
   * has closed. */
  const drained = (): Promise<void> | undefined => {
    if (closed || res.writableLength <= CATCH_UP_BYTES) return undefined;
    return new Promise((resolve) => {
      const stalled = setTimeout(tooFarBehind, CATCH_UP_STALL_MS);
      const done = () => {
        clearTimeout(stalled);
        res.off('drain', done);
        wakeCatchUp = undefined;
        resolve();
      };
      res.on('drain', done);
      wakeCatchUp = done;
    });
  };
  const wrap = (obj: KubeObject): unknown => {
    if (!table) return obj;
    const t = toTable(path.info.kind, [obj], includeObject, { resourceVersion: obj.metadata.resourceVersion }, table) as Record<string, unknown>;
    if (!firstTable) t.columnDefinitions = [];
    firstTable = false;
    return t;
  };
  // A plain watch writes each object's text as the store encoded it (objectJson), in a line
  // encoded once for every watch that sends it (WatchDispatch.line).
  const emit = (type: WatchType, obj: KubeObject) => {
    if (table) send({ type, object: wrap(obj) });
    else if (partial) send({ type, object: partialObject(obj, partial) });
    else {
      const line = deps.dispatch.line(type, obj);
      if (batchLines) batchLines.push(line);
      else write(line);
    }
  };
  /** A plain watch's lines of the batch being dispatched: written together when it ends. */
  let batchLines: Buffer[] | undefined;

  // Subscribe first, buffer, then catch up: nothing committed in between can be lost.
  const pending: { event: LogEvent; before: KubeObject | undefined }[] = [];
  let live = false;
  const target: WatchTarget = {
    kind: path.info.kind,
    trigger: triggerValue(path.info.kind, filter.field),
    onEvent: (event, before) => {
      if (live) deliver(event, before);
      else if (pending.push({ event, before }) > MAX_PENDING_EVENTS) tooFarBehind();
    },
    // A batch goes out in one write: a plain watch's lines joined (shared with the watches that
    // send the same), a Table's or metadata's lines through the corked socket.
    batchStart: () => {
      res.cork();
      if (!table && !partial) batchLines = [];
    },
    batchEnd: () => {
      const lines = batchLines;
      batchLines = undefined;
      if (lines?.length) write(deps.dispatch.joined(filterKey, lines));
      res.uncork();
      if (res.writableLength > MAX_BUFFERED_BYTES) tooFarBehind();
    },
  };
  const deliver = (event: LogEvent, before: KubeObject | undefined) => {
    if (event.rv <= lastRv) return;
    lastRv = event.rv;
    // Watches with the same namespace and selectors see an event alike: one of them works it out.
    const type = deps.dispatch.once(event, filterKey, () => transition(filter, event, before));
    if (type) emit(type, type === 'DELETED' && event.type !== 'DELETED' ? withRv(before ?? event.object, event.rv) : event.object);
  };
  const close = () => {
    if (closed) return;
    closed = true;
    deps.openWatches.delete(close);
    deps.dispatch.remove(target);
    clearInterval(bookmarkTimer);
    clearTimeout(timeoutTimer);
    clearTimeout(lastBookmarkTimer);
    deps.watchers?.dec();
    res.end();
    wakeCatchUp?.();
  };
  deps.dispatch.add(target);
  res.on('close', close);
  deps.openWatches.add(close);
  // Only once caught up: while the replay runs, the head is ahead of what was sent, and a client
  // that resumed from such a bookmark would skip the rest of the replay.
  const bookmark = () => {
    if (!bookmarks || !live) return;
    // Not committedRv: a batch not yet fanned out would be announced before its events.
    const metadata = { resourceVersion: String(Math.max(lastRv, ledger.fannedOutRv)) };
    // The metadata client decodes meta.k8s.io kinds only: its bookmarks are PartialObjectMetadata too.
    const object = partial ? { kind: 'PartialObjectMetadata', apiVersion: partial.apiVersion, metadata } : { kind: path.info.kind, apiVersion: path.info.apiVersion, metadata };
    send({ type: 'BOOKMARK', object });
  };
  const bookmarkTimer = setInterval(bookmark, BOOKMARK_INTERVAL_MS);
  // setTimeout takes at most 2^31-1 ms (~24.8 days); beyond that Node fires at once.
  const timeoutMs = Math.min(Math.max(1, timeoutS) * 1000, 2 ** 31 - 1);
  const timeoutTimer = setTimeout(close, timeoutMs);
  // As the watch cache does (nextBookmarkTime): one more bookmark 2 s before the deadline, so the
  // client resumes from the latest rv, not the last event's.
  const lastBookmarkTimer = timeoutMs > BOOKMARK_LEAD_MS ? setTimeout(bookmark, timeoutMs - BOOKMARK_LEAD_MS) : undefined;

  try {
    if (rvParam === undefined) {
      const head = ledger.committedRv;
      const { objects } = inKeyOrder(liveCandidates(ledger.state, filter).filter((o) => matches(filter, o)));
      for (const o of objects) {
        if (closed) return;
        emit('ADDED', o);
        await drained();
      }
      lastRv = head;
    } else if (rvParam < ledger.floorRv) {
      send({ type: 'ERROR', object: errors.expired(`too old resource version: ${rvParam} (${ledger.floorRv})`).status });
      close();
      return;
    } else {
      const cached = ledger.cache.since(rvParam);
      if (cached) {
        for (const c of cached) {
          if (closed) return;
          if (c.event.kind !== path.info.kind) continue;
          deliver(c.event, c.before);
          await drained();
        }
      } else {
        for (const event of await ledger.eventsSince(rvParam)) {
          if (closed) return;
          if (event.kind !== path.info.kind) continue;
          const before = needsBefore(filter, event) ? (await ledger.store.lastEventAtOrBefore(event.kind, event.namespace, event.name, event.rv - 1))?.object : undefined;
          deliver(event, before);
          await drained();
        }
      }
    }
    // What was committed meanwhile, waiting for the socket as the rest did; live once none is left.
    while (pending.length) {
      for (const p of pending.splice(0)) {
        if (closed) return;
        deliver(p.event, p.before);
        await drained();
      }
    }
    if (closed) return;
    live = true;
  } catch (e) {
    req.log.error({ err: e }, 'watch failed');
    close();
  }
}

/** What a watcher with this filter sees of an event: the cacher's filter-transition rules. */
function transition(filter: ObjectFilter, event: LogEvent, before: KubeObject | undefined): WatchType | undefined {
  const now = event.type !== 'DELETED' && matches(filter, event.object);
  const was = event.type === 'ADDED' ? false : before ? matches(filter, before) : event.type === 'DELETED' ? matches(filter, event.object) : now;
  if (now && was) return 'MODIFIED';
  if (now) return 'ADDED';
  if (was) return 'DELETED';
  return undefined;
}

function needsBefore(filter: ObjectFilter, event: LogEvent): boolean {
  return event.type === 'MODIFIED' && (!!filter.label || !!filter.field);
}

function withRv(obj: KubeObject, rv: number): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } };
}

export type { Ledger };

/**
 * timeoutSeconds as kube-apiserver reads it (handlers/get.go): an integer; absent or 0 is the
 * server's default, a random 1-2x its minimum request timeout, so watches do not all end at once.
 */
function watchTimeoutSeconds(param: unknown): number {
  const n = queryInt64('timeoutSeconds', param) ?? 0;
  return n === 0 ? MIN_REQUEST_TIMEOUT_S * (1 + Math.random()) : n;
}
