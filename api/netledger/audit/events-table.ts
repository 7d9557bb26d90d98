// The event log as a meta.k8s.io/v1 Table, for `kubectl get events` (which resolves to
// events.netledger.io when the server has no core events): one row per event, oldest first, in
// the columns of `netledger events`. Wide (priority 1) cells show with `-o wide`.

import type { IncludeObject, Table, TableColumnDefinition } from '../../printers/index.js';
import type { TableApiVersion } from '../../printers/types.js';
import { translateTimestampSince } from '../../printers/index.js';
import { column } from '../../printers/types.js';
import { actorText } from '../../../domain/events.js';
import type { EventItem, EventList } from './events.js';

const COLUMNS: TableColumnDefinition[] = [
  column('Revision', 'The resourceVersion the event was written at.'),
  column('Age', 'How long ago the event was written.'),
  column('Actor', 'Who made the change: the authenticated or impersonated user, or a controller.'),
  column('Type', 'ADDED, MODIFIED or DELETED.'),
  column('Kind', 'Kind of the changed object.'),
  column('Namespace', 'Namespace of the changed object.'),
  column('Name', 'Name of the changed object.'),
  column('Time', 'When the event was written (RFC 3339).', { priority: 1 }),
  column('Cause', 'resourceVersion of the event this one was derived from.', { priority: 1 }),
  column('Request ID', 'The request that wrote the event.', { priority: 1 }),
];

/** kubectl prints cells as they are; upstream printers spell an empty cell `<none>`. */
const cell = (v: string | null): string => (v ? v : '<none>');

/** What a row carries for kubectl: the event's own metadata, not the changed object's. */
function rowObject(e: EventItem, include: IncludeObject, apiVersion: TableApiVersion): unknown {
  if (include === 'None') return null;
  if (include === 'Object') return e;
  const created = new Date(Date.parse(e.time)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { kind: 'PartialObjectMetadata', apiVersion, metadata: { resourceVersion: e.resourceVersion, creationTimestamp: created } };
}

export function eventsTable(list: EventList, include: IncludeObject, now: Date, apiVersion: TableApiVersion = 'meta.k8s.io/v1'): Table {
  return {
    kind: 'Table',
    apiVersion,
    metadata: { ...list.metadata },
    columnDefinitions: COLUMNS,
    rows: list.items.map((e) => ({
      cells: [e.resourceVersion, translateTimestampSince(e.time, now), actorText(e), e.type, e.kind, cell(e.namespace), e.name, e.time, cell(e.cause), cell(e.requestId)],
      object: rowObject(e, include, apiVersion),
    })),
  };
}
