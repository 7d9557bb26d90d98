// The `dns` Projection: units, fan-out and merge (reference "Change fan-out").

import type { EndpointSlice, KubeObject } from '../../domain/objects.js';
import { SERVICE_NAME_LABEL } from '../../domain/objects.js';
import type { ClusterView, Contribution, ObjectChange, Projection, TableName } from '../model.js';
import { computeBase, computeNamespace, computePod } from './base.js';
import { DnsContributions } from './contributions.js';
import { mergeValues } from './keys.js';
import { computeService } from './service.js';

export const BASE_UNIT = 'base';
export const nsUnit = (ns: string): string => `ns:${ns}`;
export const svcUnit = (ns: string, name: string): string => `svc:${ns}/${name}`;
export const podUnit = (ns: string, name: string): string => `pod:${ns}/${name}`;

function sliceServiceName(obj: KubeObject | undefined): string | undefined {
  return (obj as EndpointSlice | undefined)?.metadata.labels?.[SERVICE_NAME_LABEL];
}

function splitNsName(rest: string): [string, string] {
  const slash = rest.indexOf('/');
  return [rest.slice(0, slash), rest.slice(slash + 1)];
}

function* allUnits(view: ClusterView): Iterable<string> {
  yield BASE_UNIT;
  for (const name of view.namespaces.keys()) yield nsUnit(name);
  for (const key of view.services.keys()) yield svcUnit(...splitNsName(key));
  // A slice whose Service is missing still has endpoint PTRs (service.ts), in its label's unit.
  for (const slice of view.endpointSlices.values()) {
    const svc = sliceServiceName(slice);
    const ns = slice.metadata.namespace ?? '';
    if (svc && !view.services.has(`${ns}/${svc}`)) yield svcUnit(ns, svc);
  }
  // Every pod, whatever the pod mode: a config change from `verified` to `disabled` recomputes
  // allUnits(view after), and the pod units must be among them to drop their records.
  for (const key of view.pods.keys()) yield podUnit(...splitNsName(key));
}

function* unitsAffected(change: ObjectChange, view: ClusterView): Iterable<string> {
  switch (change.kind) {
    case 'Namespace':
      yield nsUnit(change.name);
      return;
    case 'Service':
      yield svcUnit(change.namespace, change.name);
      return;
    case 'EndpointSlice': {
      // Endpoints feed headless names, endpoint names, SRVs, endpoint PTRs and the
      // `ignore empty_service` test, all inside the owning service's unit.
      const before = sliceServiceName(change.before);
      const after = sliceServiceName(change.after);
      if (before) yield svcUnit(change.namespace, before);
      if (after && after !== before) yield svcUnit(change.namespace, after);
      return;
    }
    case 'Pod':
      // Endpoint names under endpoint_pod_names come from the slice's targetRef (as in CoreDNS),
      // so a pod matters only for its own `pods verified` record.
      if (view.config.dnsPods === 'verified') yield podUnit(change.namespace, change.name);
      return;
    case 'ClusterNetworkConfig':
      yield* allUnits(view);
      return;
    default:
      // Nodes and core/v1 Endpoints do not feed DNS (CoreDNS reads EndpointSlices only).
      return;
  }
}

function compute(unit: string, view: ClusterView): Contribution[] {
  const out = new DnsContributions();
  const colon = unit.indexOf(':');
  const kind = colon < 0 ? unit : unit.slice(0, colon);
  const rest = unit.slice(colon + 1);
  if (kind === BASE_UNIT) computeBase(out, view);
  else if (kind === 'ns') computeNamespace(out, view, rest);
  else if (kind === 'svc') computeService(out, view, ...splitNsName(rest));
  else if (kind === 'pod') computePod(out, view, ...splitNsName(rest));
  return out.toContributions();
}

export const dnsProjection: Projection = {
  name: 'dns',
  tables: ['dns'],
  unitsAffected,
  allUnits,
  compute,
  merge(_table: TableName, key: string, values: unknown[]): unknown {
    return mergeValues(key, values);
  },
};
