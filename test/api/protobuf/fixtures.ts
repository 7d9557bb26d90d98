// Request bodies captured from the real kubectl v1.32 (`kubectl --server http://127.0.0.1:PORT
// create …` against a node:http server that recorded them), and the JSON the same command
// writes with `--dry-run=client -o json` — what a JSON client would have sent.

export const CAPTURED: Record<string, { argv: string[]; hex: string; json: string }> = {
  namespace: {
    argv: ['create', 'namespace', 'x'],
    hex: '6b3873000a0f0a02763112094e616d65737061636512190a110a017812001a0022002a0032003800420012001a020a001a002200',
    json: '{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null},"spec":{},"status":{}}',
  },
  clusterip: {
    argv: ['create', 'service', 'clusterip', 'web', '--tcp=80:8080'],
    hex: '6b3873000a0d0a02763112075365727669636512690a1f0a0377656212001a0022002a003200380042005a0a0a03617070120377656212420a1b0a0738302d38303830120354435018502207080010903f1a002800120a0a0361707012037765621a002209436c757374657249503a00420052005a00600068001a020a001a002200',
    json: '{"kind":"Service","apiVersion":"v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080}],"selector":{"app":"web"},"type":"ClusterIP"},"status":{"loadBalancer":{}}}',
  },
  nodeport: {
    argv: ['create', 'service', 'nodeport', 'np', '--tcp=80:8080'],
    hex: '6b3873000a0d0a02763112075365727669636512650a1d0a026e7012001a0022002a003200380042005a090a0361707012026e7012400a1b0a0738302d38303830120354435018502207080010903f1a00280012090a0361707012026e701a0022084e6f6465506f72743a00420052005a00600068001a020a001a002200',
    json: '{"kind":"Service","apiVersion":"v1","metadata":{"name":"np","creationTimestamp":null,"labels":{"app":"np"}},"spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080}],"selector":{"app":"np"},"type":"NodePort"},"status":{"loadBalancer":{}}}',
  },
  headless: {
    argv: ['create', 'service', 'clusterip', 'hl', '--clusterip=None'],
    hex: '6b3873000a0d0a027631120753657276696365124d0a1d0a02686c12001a0022002a003200380042005a090a036170701202686c122812090a036170701202686c1a044e6f6e652209436c757374657249503a00420052005a00600068001a020a001a002200',
    json: '{"kind":"Service","apiVersion":"v1","metadata":{"name":"hl","creationTimestamp":null,"labels":{"app":"hl"}},"spec":{"selector":{"app":"hl"},"clusterIP":"None","type":"ClusterIP"},"status":{"loadBalancer":{}}}',
  },
};
