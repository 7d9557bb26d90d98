// One entry point for the four PATCH content types kube-apiserver accepts.

import type { PatchType } from './commands.js';
import type { StoredKind } from './kinds.js';
import type { KubeObject } from './objects.js';
import { errors } from './errors.js';
import { applyApplyPatch, applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch/index.js';
import type { ApplyOptions } from './patch/apply.js';

/** `apply` (server-side apply) records `apply.fieldManager` in metadata.managedFields. */
export function applyPatch(type: PatchType, target: KubeObject | undefined, patch: unknown, kind: StoredKind, apply: ApplyOptions = {}): KubeObject {
  try {
    switch (type) {
      case 'json':
        // A document that is not a list got here under Ignore only: jsonpatch.DecodePatch's 400.
        return applyJsonPatch(target!, patch) as KubeObject;
      case 'merge':
        return applyMergePatch(target!, patch) as KubeObject;
      case 'strategic':
        return applyStrategicMergePatch(target!, patch as never, kind) as KubeObject;
      case 'apply':
        return applyApplyPatch(target, patch as never, kind, apply) as KubeObject;
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'StatusError') throw e;
    if ((e as { status?: unknown }).status) throw e;
    throw errors.badRequest(e instanceof Error ? e.message : String(e));
  }
}
