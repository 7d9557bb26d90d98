// `netledger serve`: opens the ledger, records the cluster network settings, serves the API,
// makes what kube-apiserver keeps in every cluster (bootstrap.ts), and shuts down gracefully on
// SIGTERM/SIGINT.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { buildApp } from '../api/server.js';
import { loadTokenFile } from '../api/auth.js';
import { ServerMetrics } from '../api/metrics.js';
import { Ledger } from '../store/ledger.js';
import { redactedUrl } from '../store/postgres/url.js';
import type { ServeOptions } from './flags.js';
import { advertiseAddressOf, bootstrapCluster } from './bootstrap.js';
import { settingChanges } from './setting-changes.js';
import { Terminator } from './terminator.js';
import { lockDatabase, lockDataDir } from './data-lock.js';
import { EventExpiry } from './event-expiry.js';
import { parseRetain, startRetention } from '../store/retention.js';

export interface RunningServer {
  url: string;
  ledger: Ledger;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions, logger = pino({ level: process.env.NETLEDGER_LOG_LEVEL ?? 'info' })): Promise<RunningServer> {
  // Before anything opens the database: a second server would migrate and compact it under the
  // first (data-lock.ts).
  const unlock = opts.databaseUrl
    ? await lockDatabase(opts.databaseUrl, logger)
    : lockDataDir(opts.dataDir);
  try {
    return await serveLocked(opts, logger, unlock);
  } catch (e) {
    await unlock();
    throw e;
  }
}

async function serveLocked(opts: ServeOptions, logger: pino.Logger, unlock: () => void | Promise<void>): Promise<RunningServer> {
  const metrics = new ServerMetrics();
  const ledger = await Ledger.open({
    dataDir: opts.dataDir,
    databaseUrl: opts.databaseUrl,
    log: logger,
    metrics: {
      onBatch: (size, events, seconds) => {
        metrics.batchSize.observe(size);
        metrics.batchEvents.inc(events);
        metrics.commitLatency.observe(seconds);
      },
      onWrite: (t) => metrics.walCommit.observe(t.commitMs / 1000),
    },
  });
  const changes = ledger.committedRv > 0 ? settingChanges(ledger.state.config, opts.config) : [];
  if (changes.length) {
    logger.warn(
      { changes, data: opts.dataDir },
      `the flags change the cluster network settings this database recorded (${changes.map((c) => `${c.flag} ${c.recorded} -> ${c.given}`).join('; ')}): the change is recorded and every node's tables follow it; to keep the recorded settings, start with those flags`,
    );
  }
  await ledger.submit({ op: 'configure', config: opts.config, time: new Date().toISOString(), actor: 'system:netledger', requestId: null, newUid: randomUUID() });
  const terminator = new Terminator(ledger, logger);
  terminator.start();
  const eventExpiry = new EventExpiry(ledger, opts.eventTtlMs, logger);
  await eventExpiry.start();
  const stopRetention = opts.retain ? startRetention(ledger, parseRetain(opts.retain), logger) : () => undefined;
  const tokens = opts.tokenAuthFile ? loadTokenFile(opts.tokenAuthFile) : undefined;
  const https = opts.tls ? { cert: readFileSync(opts.tls.certFile), key: readFileSync(opts.tls.keyFile) } : undefined;
  const { app } = await buildApp({ ledger, tokens, logger, metrics, https, streamBufferBytes: opts.streamBufferBytes, onWrite: (o) => {
    terminator.watch(o);
    eventExpiry.watch(o);
  } });
  const url = await app.listen({ host: opts.host, port: opts.port });
  const address = app.server.address();
  const scheme = https ? 'https' : 'http';
  const listenUrl = typeof address === 'object' && address ? `${scheme}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : url;
  // After listen: the `kubernetes` Service points at the port actually bound (--listen …:0).
  await bootstrapCluster(ledger, { advertiseAddress: advertiseAddressOf(opts.advertiseAddress, opts.host), port: typeof address === 'object' && address ? address.port : opts.port, log: logger });
  logger.info({ address: listenUrl, ...(opts.databaseUrl ? { database: redactedUrl(opts.databaseUrl) } : { data: opts.dataDir }), rv: ledger.committedRv }, 'netledger serving');
  return {
    url: listenUrl,
    ledger,
    async close() {
      terminator.stop();
      eventExpiry.stop();
      stopRetention();
      await app.close();
      await ledger.close();
      await unlock();
    },
  };
}
