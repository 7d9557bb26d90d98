// Commands: what the API asks the domain to do. Time, uid and actor arrive here so that decide
// stays pure.

import type { ClusterNetworkConfig } from './config.js';
import type { StoredKind } from './kinds.js';
import type { KubeObject } from './objects.js';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** `?fieldValidation`: what becomes of unknown and duplicate fields (Warn by default). */
export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

export interface CommandContext {
  /** RFC 3339 with milliseconds, UTC. */
  time: string;
  actor: string;
  /** The authenticated user acting as `actor` through Impersonate-User, when impersonating. */
  impersonatedBy?: string;
  requestId: string | null;
  /** A fresh RFC 4122 uid the command may give to an object it creates. */
  newUid: string;
  dryRun?: boolean;
  fieldManager?: string;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: string;
}

/** A write to a subresource of its own: `status`, or a namespace's `finalize`. */
export type Subresource = 'status' | 'finalize';

export type Command = CommandContext &
  (
    | { op: 'create'; kind: StoredKind; namespace: string; object: KubeObject }
    | { op: 'update'; kind: StoredKind; namespace: string; name: string; object: KubeObject; subresource?: Subresource }
    | {
        op: 'patch';
        kind: StoredKind;
        namespace: string;
        name: string;
        patchType: PatchType;
        patch: unknown;
        subresource?: 'status';
        force?: boolean;
        /** Warn when absent. Unknown fields are dropped from the patched object whatever it is. */
        fieldValidation?: FieldValidation;
        /** Strict errors the API found in the patch body, in upstream's words: repeated keys, a
         * JSON patch's operation keys it does not have. Reported with the patched result's unknown
         * fields once the patch applied: a Strict patch fails, a Warn one warns (decide's
         * strictDecoding). */
        strictErrors?: readonly string[];
        /** A merge or strategic patch whose body holds fields or values the type lacks or
         * refuses: decide decodes the patched object, as upstream decodes every patch's result.
         * A JSON patch's result is always decoded. */
        decodePatched?: boolean;
      }
    | { op: 'delete'; kind: StoredKind; namespace: string; name: string; options: DeleteOptions }
    /** The end of a graceful Pod deletion, sent by the server (actor POD_TERMINATOR) when the
     * grace period is over. */
    | { op: 'finalizeDelete'; kind: StoredKind; namespace: string; name: string; uid: string }
    | { op: 'configure'; config: ClusterNetworkConfig }
    /** pods/binding: a scheduler assigns an unscheduled Pod to a node (`target`). */
    | { op: 'bind'; kind: 'Pod'; namespace: string; name: string; node: string; annotations?: Record<string, string>; preconditions?: { uid?: string; resourceVersion?: string } }
  );

export interface Decision {
  /** Events of this command, in order, rvs assigned; derived events follow their cause. */
  events: import('./events.js').LogEvent[];
  /** What the HTTP response carries. */
  object: KubeObject;
  /** 201 for creates, 200 otherwise. */
  code: 200 | 201;
  /** Warnings for the response's Warning header (a patch's strict errors under Warn). */
  warnings?: string[];
}

/** Who ends graceful Pod deletions: there is no kubelet to confirm a pod stopped. */
export const POD_TERMINATOR = 'system:pod-terminator';

/** The command that ends a Pod's graceful deletion, as the terminator (server/terminator.ts) sends
 * it at `time`; previews send it too, to show a deletion to its end. */
export function podTermination(pod: KubeObject, time: string, newUid: string): Command {
  return { op: 'finalizeDelete', kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name!, uid: pod.metadata.uid!, time, actor: POD_TERMINATOR, requestId: null, newUid };
}
