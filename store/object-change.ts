// The bridge from a folded event to what projections look at: the object before and after.

import type { LogEvent } from '../domain/events.js';
import type { KubeObject } from '../domain/objects.js';
import type { ObjectChange } from '../projections/model.js';

export function changeOf(ev: LogEvent, before: KubeObject | undefined): ObjectChange {
  return {
    kind: ev.kind,
    namespace: ev.namespace,
    name: ev.name,
    before,
    after: ev.type === 'DELETED' ? undefined : ev.object,
  };
}
