import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../domain/objects.js';
import { validateObject, validateStatusUpdate, validateUpdate } from '../../../domain/validation/index.js';
import { UPDATABLE_POD_SPEC_FIELDS } from '../../../domain/validation/pod-update.js';
import { ctx, DNS1123_LABEL_MSG, DNS1123_SUBDOMAIN_MSG, lines } from './helpers.js';

const meta = { name: 'web-1', namespace: 'default' };
const pod = (spec: Record<string, unknown>): Pod => ({ metadata: { ...meta }, spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', ...spec } });
const c = (extra: Record<string, unknown> = {}) => ({ name: 'c', image: 'nginx', ...extra });

describe('Pod spec (ValidatePodSpec / validateContainers)', () => {
  it('containers are required', () => {
    // The reference's kubectl rendering: `The Pod "bad-1" is invalid: spec.containers: Required value`
    expect(lines(validateObject('Pod', pod({}), ctx))).toEqual(['spec.containers: Required value']);
  });

  it('container names are unique DNS-1123 labels; images are required', () => {
    const p = pod({ containers: [c({ name: 'Web' }), { name: 'c' }, c()] });
    expect(lines(validateObject('Pod', p, ctx))).toEqual([
      `spec.containers[0].name: Invalid value: "Web": ${DNS1123_LABEL_MSG}`,
      'spec.containers[1].image: Required value',
      'spec.containers[2].name: Duplicate value: "c"',
    ]);
  });

  it('container ports: number range, protocol, IANA_SVC_NAME names, unique names', () => {
    const p = pod({
      containers: [
        c({
          ports: [
            { containerPort: 70000, protocol: 'TCP' },
            { name: 'http', containerPort: 80, protocol: 'ICMP' },
            { name: 'http', containerPort: 81, protocol: 'TCP' },
            { name: 'a-very-long-port-name', containerPort: 82, protocol: 'TCP' },
            { name: '8080', protocol: 'UDP' },
          ],
        }),
      ],
    });
    expect(lines(validateObject('Pod', p, ctx))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[0].ports[2].name: Duplicate value: "http"',
      'spec.containers[0].ports[3].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters',
      'spec.containers[0].ports[4].name: Invalid value: "8080": must contain at least one letter (a-z)',
      'spec.containers[0].ports[4].containerPort: Required value',
    ]);
  });

  it('restartPolicy values, hostname/subdomain labels, nodeName subdomain', () => {
    const p = pod({ containers: [c()], restartPolicy: 'Sometimes', hostname: 'Host', subdomain: 'a.b', nodeName: 'Node_1' });
    expect(lines(validateObject('Pod', p, ctx))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      `spec.nodeName: Invalid value: "Node_1": ${DNS1123_SUBDOMAIN_MSG}`,
      `spec.hostname: Invalid value: "Host": ${DNS1123_LABEL_MSG}`,
      'spec.subdomain: Invalid value: "a.b": must not contain dots',
    ]);
  });

  it('host ports may not collide and must equal containerPort under hostNetwork', () => {
    const p = pod({
      hostNetwork: true,
      containers: [c({ ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }), c({ name: 'd', ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }] })],
    });
    expect(lines(validateObject('Pod', p, ctx))).toEqual([
      'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
      'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
    ]);
  });
});

describe('Pod updates (ValidatePodUpdate)', () => {
  const old = (): Pod => ({ metadata: { ...meta, uid: 'u', resourceVersion: '3' }, spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', containers: [c()] } });

  it('images may change', () => {
    const next = old();
    next.spec!.containers![0]!.image = 'nginx:1.27';
    expect(validateUpdate('Pod', next, old(), ctx)).toEqual([]);
  });

  it('other spec fields may not', () => {
    const next = old();
    next.spec!.nodeName = 'node-2';
    const errs = validateUpdate('Pod', next, old(), ctx);
    expect(errs).toHaveLength(1);
    expect(errs[0]!.type).toBe('FieldValueForbidden');
    expect(errs[0]!.field).toBe('spec');
    // updatablePodSpecFields joined with ","; upstream appends cmp.Diff after a newline.
    expect(errs[0]!.message.split('\n')[0]).toBe(
      'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(UPDATABLE_POD_SPEC_FIELDS).toHaveLength(5);
    expect(errs[0]!.message).toContain('+ spec.nodeName: "node-2"');
  });

  it('quantities compare by value: a spec stored as 0.5 is the spec read back as 500m', () => {
    const stored = old();
    stored.spec!.containers![0]!.resources = { requests: { cpu: '0.5', memory: '1024Mi' } };
    const next = old();
    next.spec!.containers![0]!.resources = { requests: { cpu: '500m', memory: '1Gi' } };
    expect(validateUpdate('Pod', next, stored, ctx)).toEqual([]);
    next.spec!.containers![0]!.resources = { requests: { cpu: '600m', memory: '1Gi' } };
    expect(validateUpdate('Pod', next, stored, ctx)[0]!.message).toContain('+ spec.containers[0].resources.requests.cpu: "600m"');
  });

  it('containers may not be added or removed', () => {
    const next = old();
    next.spec!.containers!.push(c({ name: 'd' }));
    expect(lines(validateUpdate('Pod', next, old(), ctx))).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });

  it('activeDeadlineSeconds may only shrink', () => {
    const o = old();
    o.spec!.activeDeadlineSeconds = 10;
    const next = structuredClone(o);
    next.spec!.activeDeadlineSeconds = 20;
    expect(lines(validateUpdate('Pod', next, o, ctx))).toEqual(['spec.activeDeadlineSeconds: Invalid value: 20: must be less than or equal to previous value']);
  });
});

describe('Pod status (ValidatePodStatusUpdate / validatePodIPs)', () => {
  const old: Pod = { metadata: { ...meta, uid: 'u', resourceVersion: '3' }, spec: { containers: [c()], nodeName: 'n1' }, status: { phase: 'Pending' } };

  it('podIPs must be valid IPs, one per family, matching podIP', () => {
    const next = structuredClone(old);
    next.status = { podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }, { ip: '10.244.1.6' }, { ip: 'nope' }] };
    expect(lines(validateStatusUpdate('Pod', next, old, ctx))).toEqual([
      'status.podIPs[2]: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'status.podIPs: Invalid value: []core.PodIP{core.PodIP{IP:"10.244.1.5"}, core.PodIP{IP:"10.244.1.6"}, core.PodIP{IP:"nope"}}: may specify no more than one IP for each IP family',
    ]);
    next.status = { podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.6' }] };
    expect(lines(validateStatusUpdate('Pod', next, old, ctx))).toEqual(['status.podIPs[0].ip: Invalid value: "10.244.1.6": must be equal to `podIP`']);
    next.status = { podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }, { ip: 'fd00::5' }] };
    expect(validateStatusUpdate('Pod', next, old, ctx)).toEqual([]);
  });
});
