// The objects the client tests apply: one node, pods on it, a service selecting them. YAML as a
// user would write it (kubectl parses it; the server only ever sees JSON).

export const NODE = `apiVersion: v1
kind: Node
metadata:
  name: node-1
status:
  addresses:
  - type: InternalIP
    address: 192.168.56.11
  conditions:
  - type: Ready
    status: "True"
    reason: KubeletReady
    message: kubelet is posting ready status
  nodeInfo:
    kubeletVersion: v1.32.4
`;

export function pod(opts: { name?: string; image?: string; tier?: boolean } = {}): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${opts.name ?? 'web-1'}
  labels:
    app: web
${opts.tier === false ? '' : '    tier: front\n'}spec:
  nodeName: node-1
  containers:
  - name: c
    image: ${opts.image ?? 'nginx:1.27'}
    ports:
    - containerPort: 80
      name: http
`;
}

export function service(opts: { https?: boolean } = {}): string {
  const port = opts.https ? '  - name: https\n    port: 443\n    targetPort: 8443\n' : '  - name: http\n    port: 80\n    targetPort: http\n';
  return `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
${port}`;
}

export function documents(...docs: string[]): string {
  return docs.join('---\n');
}
