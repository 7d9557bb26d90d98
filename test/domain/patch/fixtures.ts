// Live objects as kube-apiserver would hold them after `kubectl apply` of a Pod and a Service.

import type { Pod, Service } from '../../../domain/objects.js';

export function livePod(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'default',
      uid: '0b6f3a4e-1c1e-4d2a-9a55-3f1f1d2c9e01',
      resourceVersion: '102',
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: { app: 'web', tier: 'frontend' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Pod"}\n' },
    },
    spec: {
      containers: [
        {
          name: 'c',
          image: 'nginx:1.25',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          env: [{ name: 'MODE', value: 'prod' }],
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      nodeName: 'node-a',
      restartPolicy: 'Always',
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    },
    status: {
      phase: 'Running',
      podIP: '10.244.1.2',
      podIPs: [{ ip: '10.244.1.2' }],
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ],
    },
  };
}

export function liveService(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: '5d0c2f1a-7a8b-4c1e-9f00-2b3c4d5e6f70',
      resourceVersion: '103',
      creationTimestamp: '2025-01-01T00:00:00Z',
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Service"}\n' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.20',
      clusterIPs: ['10.96.0.20'],
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { app: 'web', tier: 'frontend' },
      sessionAffinity: 'None',
    },
  };
}
