// Realistic manifests, as kubectl sends them (YAML → JSON), for the structural type check.

/** The pod template of a typical nginx Deployment, as a Pod, with the fields users commonly set. */
export function nginxPod(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'default',
      labels: { app: 'web', tier: 'frontend' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Pod"}\n' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d4f', uid: '6f1c', controller: true, blockOwnerDeletion: true }],
      finalizers: ['example.com/keep'],
    },
    spec: {
      serviceAccountName: 'web',
      automountServiceAccountToken: false,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      hostname: 'web-1',
      subdomain: 'web',
      enableServiceLinks: true,
      priorityClassName: 'high',
      imagePullSecrets: [{ name: 'regcred' }],
      securityContext: { runAsNonRoot: true, runAsUser: 101, fsGroup: 101, seccompProfile: { type: 'RuntimeDefault' } },
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' } },
          ],
        },
      },
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }],
      initContainers: [{ name: 'init-config', image: 'busybox:1.36', command: ['sh', '-c', 'cp /src/* /etc/nginx/conf.d/'], volumeMounts: [{ name: 'config', mountPath: '/etc/nginx/conf.d' }] }],
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          command: ['nginx'],
          args: ['-g', 'daemon off;'],
          workingDir: '/usr/share/nginx/html',
          ports: [
            { name: 'http', containerPort: 80, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9113 },
          ],
          env: [
            { name: 'NGINX_PORT', value: '80' },
            { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
          ],
          envFrom: [{ configMapRef: { name: 'web-env' } }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } },
          volumeMounts: [
            { name: 'config', mountPath: '/etc/nginx/conf.d', readOnly: true },
            { name: 'cache', mountPath: '/var/cache/nginx' },
          ],
          livenessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 },
          readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, successThreshold: 1, timeoutSeconds: 1 },
          startupProbe: { exec: { command: ['cat', '/tmp/ready'] }, failureThreshold: 30 },
          lifecycle: { preStop: { exec: { command: ['nginx', '-s', 'quit'] } } },
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          stdin: false,
          tty: false,
        },
      ],
      volumes: [
        { name: 'config', configMap: { name: 'web-config', defaultMode: 420 } },
        { name: 'cache', emptyDir: { sizeLimit: '256Mi' } },
      ],
    },
    status: {
      phase: 'Running',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      hostIP: '192.168.1.10',
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:00Z' }],
      containerStatuses: [
        { name: 'nginx', ready: true, restartCount: 0, image: 'nginx:1.27', imageID: 'docker.io/library/nginx@sha256:abc', started: true, state: { running: { startedAt: '2024-05-01T10:00:00Z' } } },
      ],
      startTime: '2024-05-01T09:59:58Z',
      qosClass: 'Burstable',
    },
  };
}

export function webService(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080 },
        { name: 'metrics', port: 9113, targetPort: 9113 },
      ],
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      externalTrafficPolicy: 'Local',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
  };
}
