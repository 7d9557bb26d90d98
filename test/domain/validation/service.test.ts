import { describe, expect, it } from 'vitest';
import type { Service } from '../../../domain/objects.js';
import { validateObject, validateStatusUpdate, validateUpdate } from '../../../domain/validation/index.js';
import { ctx, dualCtx, DNS1123_LABEL_MSG, lines } from './helpers.js';

type Spec = NonNullable<Service['spec']>;
/** A defaulted Service, as decide hands it to validation. */
const svc = (spec: Partial<Spec> = {}): Service => ({
  metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], ...spec },
});

describe('Service type, ports and names (ValidateService / validateServicePort)', () => {
  it('type values (sets.List order)', () => {
    expect(lines(validateObject('Service', svc({ type: 'Foo' as never }), ctx))).toEqual([
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it('ports are required unless headless or ExternalName', () => {
    expect(lines(validateObject('Service', svc({ ports: [] }), ctx))).toEqual(['spec.ports: Required value']);
    expect(validateObject('Service', svc({ ports: [], clusterIP: 'None' }), ctx)).toEqual([]);
  });

  it('port numbers, targetPort, names required and unique when several, port+protocol unique', () => {
    const s = svc({
      ports: [
        { name: 'http', port: 70000, protocol: 'TCP', targetPort: 0x10000 },
        { port: 443, protocol: 'TCP', targetPort: 'HTTPS' },
        { name: 'http', port: 8080, protocol: 'TCP', targetPort: 8080 },
        { name: 'Dns', port: 8080, protocol: 'TCP', targetPort: 8080 },
      ],
    });
    expect(lines(validateObject('Service', s, ctx))).toEqual([
      'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
      'spec.ports[1].name: Required value',
      'spec.ports[1].targetPort: Invalid value: "HTTPS": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[1].targetPort: Invalid value: "HTTPS": must contain at least one letter (a-z)',
      'spec.ports[2].name: Duplicate value: "http"',
      `spec.ports[3].name: Invalid value: "Dns": ${DNS1123_LABEL_MSG}`,
      'spec.ports[3]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:8080, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });

  it('nodePort only for NodePort/LoadBalancer; headless NodePort invalid', () => {
    expect(lines(validateObject('Service', svc({ ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }] }), ctx))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    expect(lines(validateObject('Service', svc({ type: 'NodePort', clusterIP: 'None', externalTrafficPolicy: 'Cluster' }), ctx))).toEqual([
      "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services",
    ]);
  });
});

describe('Service cluster IPs and families (ValidateServiceClusterIPsRelatedFields + allocator checks)', () => {
  it('clusterIP must be a valid IP, "None" or ""', () => {
    expect(lines(validateObject('Service', svc({ clusterIP: '10.96.0.300' }), ctx))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });

  it('clusterIPs[0] must match clusterIP; at most two, one per family', () => {
    expect(lines(validateObject('Service', svc({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.11'] }), ctx))).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.96.0.11"}: first value must match `clusterIP`',
    ]);
    expect(lines(validateObject('Service', svc({ clusterIPs: ['10.96.0.10', '10.96.0.11'], ipFamilyPolicy: 'RequireDualStack' }), dualCtx))).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.96.0.10", "10.96.0.11"}: may specify no more than one IP for each IP family',
    ]);
  });

  it('ipFamilies and ipFamilyPolicy values; SingleStack with two families', () => {
    expect(lines(validateObject('Service', svc({ ipFamilies: ['IPv5' as never], ipFamilyPolicy: 'Double' as never }), ctx))).toEqual([
      'spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"',
      'spec.ipFamilyPolicy: Unsupported value: "Double": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"',
    ]);
    expect(lines(validateObject('Service', svc({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'SingleStack' }), dualCtx))).toEqual([
      "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
    ]);
    expect(lines(validateObject('Service', svc({ ipFamilyPolicy: 'RequireDualStack' }), ctx))).toEqual([
      'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ]);
  });

  it('a user-given clusterIP outside the service CIDR (ipallocator ErrNotInRange)', () => {
    expect(lines(validateObject('Service', svc({ clusterIP: '1.1.1.1' }), ctx))).toEqual([
      'spec.clusterIPs: Invalid value: []string{"1.1.1.1"}: failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ]);
    expect(lines(validateObject('Service', svc({ clusterIP: 'fd00::1' }), ctx))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"fd00::1"}: IPv6 is not configured on this cluster',
    ]);
  });

  it('a nodePort outside the range (portallocator ErrNotInRange)', () => {
    const s = svc({ type: 'NodePort', externalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 40000 }] });
    expect(lines(validateObject('Service', s, ctx))).toEqual([
      'spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
  });
});

describe('Service ExternalName, external IPs, affinity and traffic policies', () => {
  it('ExternalName requires a DNS-1123 subdomain externalName', () => {
    expect(lines(validateObject('Service', svc({ type: 'ExternalName', ports: [], internalTrafficPolicy: undefined }), ctx))).toEqual([
      'spec.externalName: Required value',
    ]);
    expect(validateObject('Service', svc({ type: 'ExternalName', externalName: 'db.example.com.', internalTrafficPolicy: undefined }), ctx)).toEqual([]);
  });

  it('externalIPs are valid, non-special IPs (ValidateNonSpecialIP)', () => {
    expect(lines(validateObject('Service', svc({ externalIPs: ['x', '127.0.0.1', '169.254.1.1', '0.0.0.0'] }), ctx))).toEqual([
      'spec.externalIPs[0]: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'spec.externalIPs[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'spec.externalIPs[2]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      'spec.externalIPs[3]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
    ]);
  });

  it('sessionAffinity values and timeoutSeconds range', () => {
    expect(lines(validateObject('Service', svc({ sessionAffinity: 'Sticky' as never }), ctx))).toEqual([
      'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    ]);
    expect(lines(validateObject('Service', svc({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90000 } } }), ctx))).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400',
    ]);
  });

  it('externalTrafficPolicy only for externally-accessible Services; internalTrafficPolicy values', () => {
    expect(lines(validateObject('Service', svc({ externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Nearby' as never }), ctx))).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
      'spec.internalTrafficPolicy: Unsupported value: "Nearby": supported values: "Cluster", "Local"',
    ]);
  });

  it('loadBalancerSourceRanges are CIDRs, for LoadBalancers only', () => {
    expect(lines(validateObject('Service', svc({ loadBalancerSourceRanges: ['10.0.0.0/33'] }), ctx))).toEqual([
      "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
      'spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
  });
});

describe('Service updates (ValidateServiceUpdate)', () => {
  const old = (): Service => {
    const s = svc({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    s.metadata = { ...s.metadata, uid: 'u', resourceVersion: '7' };
    return s;
  };

  it('a PUT that leaves clusterIP out keeps it (patchAllocatedValues)', () => {
    const next = old();
    delete next.spec!.clusterIP;
    delete next.spec!.clusterIPs;
    expect(validateUpdate('Service', next, old(), ctx)).toEqual([]);
  });

  it('clusterIPs[0] may not change once set', () => {
    const next = old();
    next.spec!.clusterIP = '10.96.0.11';
    next.spec!.clusterIPs = ['10.96.0.11'];
    expect(lines(validateUpdate('Service', next, old(), ctx))).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set']);
  });

  it('ipFamilies[0] may not change: the allocator pre-validation catches it first', () => {
    const next = old();
    next.spec!.ipFamilies = ['IPv6'];
    expect(lines(validateUpdate('Service', next, old(), dualCtx))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.10": expected an IPv6 value as indicated by `ipFamilies[0]`',
    ]);
  });

  it('ipFamilies[0] may not change once set (headful, dual-stack order swap)', () => {
    const o = old();
    o.spec = { ...o.spec!, clusterIPs: ['10.96.0.10', 'fd00:10:96::a'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' };
    const next = structuredClone(o);
    next.spec!.clusterIPs = ['10.96.0.10', 'fd00:10:96::a'];
    next.spec!.ipFamilies = ['IPv4', 'IPv6'];
    expect(validateUpdate('Service', next, o, dualCtx)).toEqual([]);
    next.spec!.clusterIP = 'fd00:10:96::a';
    next.spec!.clusterIPs = ['fd00:10:96::a', '10.96.0.10'];
    next.spec!.ipFamilies = ['IPv6', 'IPv4'];
    expect(lines(validateUpdate('Service', next, o, dualCtx))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"fd00:10:96::a", "10.96.0.10"}: may not change once set',
      'spec.clusterIPs[1]: Invalid value: []string{"fd00:10:96::a", "10.96.0.10"}: may not change once set',
      'spec.ipFamilies[0]: Invalid value: []core.IPFamily{"IPv6", "IPv4"}: may not change once set',
      'spec.ipFamilies[0]: Invalid value: []core.IPFamily{"IPv6", "IPv4"}: may not change once set',
    ]);
  });

  it('switching to ExternalName drops the allocated IPs instead of failing', () => {
    const next = old();
    next.spec = { ...next.spec!, type: 'ExternalName', externalName: 'db.example.com', ports: [] };
    delete next.spec.internalTrafficPolicy;
    expect(validateUpdate('Service', next, old(), ctx)).toEqual([]);
  });
});

describe('Service status (ValidateLoadBalancerStatus)', () => {
  it('ingress IPs must be valid, and only for LoadBalancers', () => {
    const o = svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
    o.metadata.resourceVersion = '2';
    const next = structuredClone(o);
    next.status = { loadBalancer: { ingress: [{ ip: '1.2.3' }, { hostname: '1.2.3.4' }] } };
    expect(lines(validateStatusUpdate('Service', next, o, ctx))).toEqual([
      'status.loadBalancer.ingress[0].ip: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'status.loadBalancer.ingress[1].hostname: Invalid value: "1.2.3.4": must be a DNS name, not an IP address',
    ]);
    const cip = svc();
    cip.metadata.resourceVersion = '2';
    const n2 = structuredClone(cip);
    n2.status = { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } };
    expect(lines(validateStatusUpdate('Service', n2, cip, ctx))).toEqual([
      "status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is 'LoadBalancer'",
    ]);
  });
});
