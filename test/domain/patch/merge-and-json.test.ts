import { describe, expect, it } from 'vitest';
import { PatchError, applyJsonPatch, applyMergePatch } from '../../../domain/patch/index.js';
import { livePod, liveService } from './fixtures.js';

describe('applyMergePatch (RFC 7386)', () => {
  it('applies the kubectl label body', () => {
    // kubectl label: PATCH …?fieldManager=kubectl-label, body {"metadata":{"labels":{"x":"y"}}}
    const out = applyMergePatch(livePod(), { metadata: { labels: { x: 'y' } } });
    expect(out.metadata.labels).toEqual({ app: 'web', tier: 'frontend', x: 'y' });
  });

  it('null deletes keys at any depth', () => {
    const out = applyMergePatch(livePod(), { metadata: { labels: { tier: null }, annotations: null }, spec: { nodeName: null } });
    expect(out.metadata.labels).toEqual({ app: 'web' });
    expect('annotations' in out.metadata).toBe(false);
    expect('nodeName' in out.spec!).toBe(false);
  });

  it('replaces arrays wholesale and nests new objects', () => {
    const svc = liveService();
    const out = applyMergePatch(svc, { spec: { ports: [{ port: 443, protocol: 'TCP' }], sessionAffinityConfig: { clientIP: { timeoutSeconds: 60, x: null } } } });
    expect(out.spec!.ports).toEqual([{ port: 443, protocol: 'TCP' }]);
    expect(out.spec!.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 60 } });
    expect(svc.spec!.ports![0]!.port).toBe(80); // input untouched
  });

  it('rejects a patch that is not an object', () => {
    expect(() => applyMergePatch(livePod(), [1, 2])).toThrow(new PatchError('json: cannot unmarshal array into Go value of type map[string]interface {}'));
  });
});

describe('applyJsonPatch (RFC 6902)', () => {
  it('applies add/replace/remove/copy/move and passing tests, without mutating the input', () => {
    const pod = livePod();
    const out = applyJsonPatch(pod, [
      { op: 'test', path: '/metadata/resourceVersion', value: '102' },
      { op: 'add', path: '/metadata/labels/x', value: 'y' },
      { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.27' },
      { op: 'remove', path: '/spec/tolerations' },
      { op: 'copy', from: '/spec/nodeName', path: '/metadata/annotations/node' },
      { op: 'move', from: '/metadata/labels/tier', path: '/metadata/labels/layer' },
      { op: 'add', path: '/spec/containers/-', value: { name: 'side', image: 'busybox' } },
    ]);
    expect(out.metadata.labels).toEqual({ app: 'web', x: 'y', layer: 'frontend' });
    expect(out.metadata.annotations!.node).toBe('node-a');
    expect(out.spec!.containers!.map((c) => `${c.name}=${c.image}`)).toEqual(['c=nginx:1.27', 'side=busybox']);
    expect(out.spec!.tolerations).toBeUndefined();
    expect(pod).toStrictEqual(livePod());
  });

  const failure = (ops: unknown): PatchError => {
    try {
      applyJsonPatch(livePod(), ops);
    } catch (e) {
      if (e instanceof PatchError) return e;
      throw e;
    }
    throw new Error('expected a PatchError');
  };

  // kube-apiserver's fixed message (NewGenericServerResponse(422)); what failed is the cause.
  const cause = (e: PatchError) => e.status.details?.causes?.[0]?.message;

  it('a failed test op is 422 with upstream\'s message, the failure as its cause', () => {
    const e = failure([{ op: 'test', path: '/metadata/resourceVersion', value: '99' }]);
    expect(e.status.code).toBe(422);
    expect(e.status.reason).toBe('Invalid');
    expect(e.message).toBe('the server rejected our request due to an error in our request');
    expect(cause(e)).toBe('testing value /metadata/resourceVersion failed: test failed');
  });

  // Texts of evanphx/json-patch v4.12.0 (gopkg.in/evanphx/json-patch.v4, kube-apiserver v1.32's):
  // a container missing on the way is "does not apply" (only add's and remove's paths quoted); a
  // key or index the container cannot give is wrapped "error in <op> for path: '<path>': …".
  it("ops on missing paths are 422 in json-patch v4's words", () => {
    expect(cause(failure([{ op: 'remove', path: '/metadata/labels/nope' }]))).toBe(
      "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value",
    );
    expect(cause(failure([{ op: 'remove', path: '/metadata/nope/x' }]))).toBe('remove operation does not apply: doc is missing path: "/metadata/nope/x": missing value');
    expect(cause(failure([{ op: 'replace', path: '/spec/nope/x', value: 1 }]))).toBe('replace operation does not apply: doc is missing path: /spec/nope/x: missing value');
    expect(cause(failure([{ op: 'add', path: '/spec/a/b/c', value: [] }]))).toBe('add operation does not apply: doc is missing path: "/spec/a/b/c": missing value');
    expect(cause(failure([{ op: 'add', path: '/spec/containers/7', value: {} }]))).toBe(
      "error in add for path: '/spec/containers/7': Unable to access invalid index: 7: invalid index referenced",
    );
    expect(cause(failure([{ op: 'add', path: '/spec/containers/x', value: {} }]))).toBe(
      "error in add for path: '/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax",
    );
    expect(cause(failure([{ op: 'remove', path: '/spec/containers/-' }]))).toBe("error in remove for path: '/spec/containers/-': strconv.Atoi: parsing \"-\": invalid syntax");
    expect(cause(failure([{ op: 'move', from: '/spec/nope/x', path: '/a' }]))).toBe('move operation does not apply: doc is missing from path: /spec/nope/x: missing value');
    expect(cause(failure([{ op: 'move', from: '/metadata/labels/nope', path: '/a' }]))).toBe(
      "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value",
    );
    expect(cause(failure([{ op: 'copy', from: '/spec/nodeName', path: '/x/y' }]))).toBe('copy operation does not apply: doc is missing destination path: /x/y: missing value');
    expect(cause(failure([{ op: 'test', path: '/x/y', value: 1 }]))).toBe('test operation does not apply: is missing path: /x/y: missing value');
  });

  it('replace of a key an object lacks sets it, as evanphx/json-patch v4 (kube-apiserver\'s) does; array indexes are checked', () => {
    const out = applyJsonPatch(livePod(), [
      { op: 'replace', path: '/metadata/labels/new', value: 'x' },
      { op: 'replace', path: '/metadata/annotations', value: { 'a~b/c': '1' } },
      { op: 'replace', path: '/metadata/annotations/a~0b~1c', value: '2' },
    ]);
    expect(out.metadata.labels).toEqual({ app: 'web', tier: 'frontend', new: 'x' });
    expect(out.metadata.annotations).toEqual({ 'a~b/c': '2' });
    expect(failure([{ op: 'replace', path: '/spec/containers/3', value: {} }]).status.code).toBe(422);
  });

  it('a document that does not decode as a list of objects is 400 (jsonpatch.DecodePatch)', () => {
    expect([failure({ op: 'add' }).status.code, failure({ op: 'add' }).message]).toEqual([400, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch']);
    expect(failure([true]).message).toBe('json: cannot unmarshal bool into Go value of type jsonpatch.Operation');
    expect(failure([[]]).message).toBe('json: cannot unmarshal array into Go value of type jsonpatch.Operation');
    expect(applyJsonPatch(livePod(), null)).toStrictEqual(livePod()); // null decodes as no operations
  });

  // Upstream (patch.go applyJSPatch) only unmarshals the document; json-patch v4's Apply reads
  // each operation as it reaches it, so a bad one is the same 422 NewGenericServerResponse as a
  // missing path, with the library's text as the cause (these were 400s before).
  it('an unknown op, a missing path or from is 422 when Apply reaches it', () => {
    const e = failure([{ op: 'frobnicate', path: '/a' }]);
    expect([e.status.code, e.status.reason, e.message, cause(e)]).toEqual([422, 'Invalid', 'the server rejected our request due to an error in our request', 'Unexpected kind: frobnicate']);
    expect(cause(failure([{ path: '/a' }]))).toBe('Unexpected kind: unknown');
    expect(cause(failure([{ op: 5, path: '/a' }]))).toBe('Unexpected kind: unknown');
    expect(cause(failure([null]))).toBe('Unexpected kind: unknown');
    expect(cause(failure([{ op: 'add', value: 1 }]))).toBe('add operation failed to decode path: missing value');
    expect(cause(failure([{ op: 'remove', path: 5 }]))).toBe('remove operation failed to decode path: missing value');
    expect(cause(failure([{ op: 'replace', value: 1 }]))).toBe('replace operation failed to decode path: operation missing path field: missing value');
    expect(cause(failure([{ op: 'test', path: 5, value: 1 }]))).toBe('test operation failed to decode path: json: cannot unmarshal number into Go value of type string');
    expect(cause(failure([{ op: 'move', path: '/a' }]))).toBe('move operation failed to decode from: operation, missing from field: missing value');
    expect(cause(failure([{ op: 'copy', path: '/a', from: null }]))).toBe('copy operation failed to decode from: operation, missing from field: missing value');
    expect(cause(failure([{ op: 'copy', from: '/spec/nodeName' }]))).toBe('copy operation failed to decode path: missing value');
    expect(cause(failure([{ op: 'move', from: '/spec/nodeName' }]))).toBe('move operation failed to decode path: operation missing path field: missing value');
    // Operations run in order: the first that fails is the one named.
    expect(cause(failure([{ op: 'remove', path: '/metadata/labels/nope' }, { op: 'bogus' }]))).toMatch(/nonexistent key: nope/);
  });

  // json-patch v4.12 (vendor/gopkg.in/evanphx/json-patch.v4/patch.go): move and copy add through
  // partialArray.add, which refuses an index past the end; a nil node stands for a member an
  // object lacks, so copying it copies null and testing it against null passes.
  it('move and copy into an array index it cannot take are refused; a missing member copies and tests as null', () => {
    expect(cause(failure([{ op: 'move', from: '/spec/nodeName', path: '/spec/containers/5' }]))).toBe(
      "error in move for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced",
    );
    expect(cause(failure([{ op: 'copy', from: '/spec/nodeName', path: '/spec/containers/x' }]))).toBe(
      "error while adding value during copy: value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax",
    );
    // Moving out of the same array leaves one element fewer to insert into.
    expect(cause(failure([{ op: 'move', from: '/spec/containers/0', path: '/spec/containers/1' }]))).toBe(
      "error in move for path: '/spec/containers/1': Unable to access invalid index: 1: invalid index referenced",
    );
    expect(cause(failure([{ op: 'move', from: '/spec/containers/4', path: '/metadata/x' }]))).toBe("error in move for path: '4': Unable to access invalid index: 4: invalid index referenced");
    expect(cause(failure([{ op: 'copy', from: '/spec/containers/4', path: '/metadata/x' }]))).toBe("error in copy for from: '/spec/containers/4': Unable to access invalid index: 4: invalid index referenced");
    const out = applyJsonPatch(livePod(), [
      { op: 'copy', from: '/metadata/nope', path: '/metadata/annotations/y' },
      { op: 'test', path: '/spec/nope', value: null },
      { op: 'move', from: '/spec/nodeName', path: '/spec/containers/1' },
    ]);
    expect(out.metadata.annotations!.y).toBeNull();
    expect(out.spec!.containers!.at(-1)).toBe(livePod().spec!.nodeName);
    expect(cause(failure([{ op: 'test', path: '/spec/nope', value: 'x' }]))).toBe('testing value /spec/nope failed: test failed');
  });

  it('negative array indexes count from the end, as json-patch v4 (SupportNegativeIndices) counts them', () => {
    const out = applyJsonPatch(livePod(), [
      // add counts in the list one longer: -1 appends, -3 goes before what is now the second last.
      { op: 'add', path: '/spec/containers/-1', value: { name: 'last', image: 'busybox' } },
      { op: 'add', path: '/spec/containers/-3', value: { name: 'first', image: 'busybox' } },
      { op: 'test', path: '/spec/containers/-1/name', value: 'last' },
      { op: 'replace', path: '/spec/containers/-2/image', value: 'nginx:2' },
      { op: 'remove', path: '/status/conditions/-1' },
    ]);
    expect(out.spec!.containers!.map((c) => `${c.name}:${c.image}`)).toEqual(['first:busybox', 'c:nginx:2', 'last:busybox']);
    expect(out.status!.conditions!.map((c) => c.type)).toEqual(livePod().status!.conditions!.slice(0, -1).map((c) => c.type));
    const n = livePod().status!.conditions!.length;
    expect(cause(failure([{ op: 'remove', path: `/status/conditions/-${n + 1}` }]))).toBe(
      `error in remove for path: '/status/conditions/-${n + 1}': Unable to access invalid index: -${n + 1}: invalid index referenced`,
    );
  });

  it('add and replace without a value write null (a nil node)', () => {
    const out = applyJsonPatch(livePod(), [
      { op: 'add', path: '/metadata/labels/x' },
      { op: 'replace', path: '/metadata/labels/app' },
      { op: 'add', path: '/spec/tolerations/-' },
    ]);
    expect(out.metadata.labels).toEqual({ app: null, tier: 'frontend', x: null });
    expect(out.spec!.tolerations!.at(-1)).toBeNull();
  });

  it('more than 10000 operations is 413 (patch.go maxJSONPatchOperations), before any applies', () => {
    expect(() => applyJsonPatch(livePod(), Array.from({ length: 10001 }, () => ({ op: 'bogus' })))).toThrow(
      expect.objectContaining({ status: expect.objectContaining({ code: 413, reason: 'RequestEntityTooLarge', message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001' }) }),
    );
  });

  it('nothing is applied when a later op fails', () => {
    const pod = livePod();
    expect(() =>
      applyJsonPatch(pod, [
        { op: 'add', path: '/metadata/labels/x', value: 'y' },
        { op: 'test', path: '/metadata/name', value: 'other' },
      ]),
    ).toThrow(PatchError);
    expect(pod.metadata.labels).toEqual({ app: 'web', tier: 'frontend' });
  });
});
