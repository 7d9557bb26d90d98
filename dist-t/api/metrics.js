// Prometheus metrics, one registry per server (no module state): requests by verb, resource and
// code with latency, appender batches and commit latency, open watches and node streams.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
export class ServerMetrics {
    registry = new Registry();
    requests = new Counter({
        name: 'apiserver_request_total',
        help: 'Counter of apiserver requests broken out for each verb, resource and HTTP response code.',
        labelNames: ['verb', 'resource', 'code'],
        registers: [this.registry],
    });
    latency = new Histogram({
        name: 'apiserver_request_duration_seconds',
        help: 'Response latency distribution in seconds for each verb and resource.',
        labelNames: ['verb', 'resource'],
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [this.registry],
    });
    batchSize = new Histogram({
        name: 'netledger_appender_batch_commands',
        help: 'Commands per appender batch (group commit).',
        buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
        registers: [this.registry],
    });
    batchEvents = new Counter({
        name: 'netledger_appender_events_total',
        help: 'Events committed to the log.',
        registers: [this.registry],
    });
    commitLatency = new Histogram({
        name: 'netledger_appender_commit_duration_seconds',
        help: 'Time to decide, project and durably commit one batch.',
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
        registers: [this.registry],
    });
    walCommit = new Histogram({
        name: 'netledger_store_wal_commit_duration_seconds',
        help: "The COMMIT of one batch's transaction: appending its pages to the WAL and the fsync (what etcd's wal_fsync_duration_seconds shows).",
        buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256],
        registers: [this.registry],
    });
    watchers = new Gauge({
        name: 'apiserver_registered_watchers',
        help: 'Number of currently open resource watches.',
        registers: [this.registry],
    });
    nodeStreams = new Gauge({
        name: 'netledger_node_streams',
        help: 'Number of currently open node table streams.',
        registers: [this.registry],
    });
    nodeDrift = new Gauge({
        name: 'netledger_node_table_in_sync',
        help: '1 when the node agent reported digests equal to the server digests at its applied rv, 0 when not.',
        labelNames: ['node', 'table'],
        registers: [this.registry],
    });
    constructor() {
        collectDefaultMetrics({ register: this.registry });
    }
}
/** kube-apiserver's verb for a request (api-concepts: a GET with ?watch is a watch, not a get). */
export function verbOf(method, hasName, watch) {
    switch (method) {
        case 'GET':
            return watch ? 'WATCH' : hasName ? 'GET' : 'LIST';
        case 'POST':
            return 'POST';
        case 'PUT':
            return 'PUT';
        case 'PATCH':
            return 'PATCH';
        case 'DELETE':
            return hasName ? 'DELETE' : 'DELETECOLLECTION';
        default:
            return method;
    }
}
//# sourceMappingURL=metrics.js.map