// The agent's Prometheus metrics (own registry): kube-proxy's sync metrics under their upstream
// names, so dashboards built for kube-proxy read an agent the same way, plus the applied rv.
import client from 'prom-client';
/** kube-proxy: metrics.ExponentialBuckets(0.001, 2, 15). */
const SYNC_BUCKETS = Array.from({ length: 15 }, (_, i) => 0.001 * 2 ** i);
/** kube-proxy's network_programming_duration_seconds buckets: 0.25 s … 30 min. */
const PROGRAMMING_BUCKETS = [
    0.25, 0.5,
    ...Array.from({ length: 59 }, (_, i) => i + 1),
    ...Array.from({ length: 12 }, (_, i) => 60 + 5 * i),
    ...Array.from({ length: 10 }, (_, i) => 300 + 30 * i),
];
export class AgentMetrics {
    registry = new client.Registry();
    syncDuration;
    fullSyncDuration;
    partialSyncDuration;
    restoreFailures;
    partialRestoreFailures;
    programmingDuration;
    appliedRv;
    applyErrors;
    streamConnects;
    constructor(node) {
        const registers = [this.registry];
        this.registry.setDefaultLabels({ node });
        this.syncDuration = new client.Histogram({ name: 'kubeproxy_sync_proxy_rules_duration_seconds', help: 'SyncProxyRules latency in seconds', buckets: SYNC_BUCKETS, registers });
        this.fullSyncDuration = new client.Histogram({ name: 'kubeproxy_sync_full_proxy_rules_duration_seconds', help: 'SyncProxyRules latency in seconds for full resyncs', buckets: SYNC_BUCKETS, registers });
        this.partialSyncDuration = new client.Histogram({ name: 'kubeproxy_sync_partial_proxy_rules_duration_seconds', help: 'SyncProxyRules latency in seconds for partial resyncs', buckets: SYNC_BUCKETS, registers });
        this.restoreFailures = new client.Counter({ name: 'kubeproxy_sync_proxy_rules_iptables_restore_failures_total', help: 'Cumulative proxy iptables restore failures', registers });
        this.partialRestoreFailures = new client.Counter({ name: 'kubeproxy_sync_proxy_rules_iptables_partial_restore_failures_total', help: 'Cumulative proxy iptables partial restore failures', registers });
        this.programmingDuration = new client.Histogram({
            name: 'kubeproxy_network_programming_duration_seconds',
            help: 'In Cluster Network Programming Latency in seconds: from the event (its time in the DELTA line) to the kernel holding it',
            buckets: PROGRAMMING_BUCKETS,
            registers,
        });
        this.appliedRv = new client.Gauge({ name: 'netledger_agent_applied_resource_version', help: 'The last resourceVersion the agent applied to the node', registers });
        this.applyErrors = new client.Counter({ name: 'netledger_agent_apply_errors_total', help: 'Table applies that failed, by table', labelNames: ['table'], registers });
        this.streamConnects = new client.Counter({ name: 'netledger_agent_stream_connects_total', help: 'Node stream connections made', registers });
    }
}
//# sourceMappingURL=metrics.js.map