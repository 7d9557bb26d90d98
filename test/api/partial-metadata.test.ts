// PartialObjectMetadata, as client-go's metadata client asks for it (the garbage collector, quota
// and controller-runtime's metadata-only informers): the Accept headers below are the ones
// k8s.io/client-go/metadata sends. Its watch decoder knows meta.k8s.io kinds only, so every event
// (bookmarks too) must be PartialObjectMetadata, or its informers never see a change.

import { describe, expect, it } from 'vitest';
import { api, readWatch, suiteServer } from '../support/server.js';

const LIST = 'application/vnd.kubernetes.protobuf;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';
const ONE = 'application/vnd.kubernetes.protobuf;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json';

describe('PartialObjectMetadata (client-go metadata client)', () => {
  const s = suiteServer();
  const pods = '/api/v1/namespaces/default/pods';
  const podBody = (name: string) => ({ metadata: { name, labels: { app: 'meta' }, annotations: { note: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

  it('list, get and watch answer each object\'s metadata alone', async () => {
    expect((await api(s.url, 'POST', pods, podBody('m1'))).status).toBe(201);
    expect((await api(s.url, 'POST', pods, podBody('m2'))).status).toBe(201);

    const list = await api(s.url, 'GET', `${pods}?labelSelector=app%3Dmeta&limit=1`, undefined, { accept: LIST });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: expect.any(String), continue: expect.any(String) } });
    expect(list.json.items).toEqual([{ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: expect.objectContaining({ name: 'm1', namespace: 'default', labels: { app: 'meta' }, annotations: { note: 'm1' }, uid: expect.any(String) }) }]);
    expect(list.json.items[0]).not.toHaveProperty('spec');

    const one = await api(s.url, 'GET', `${pods}/m2`, undefined, { accept: ONE });
    expect(one.json).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: expect.objectContaining({ name: 'm2', resourceVersion: expect.any(String) }) });

    const rv = list.json.metadata.resourceVersion;
    const events = readWatch(`${s.url}${pods}?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&labelSelector=app%3Dmeta`, 2, 4000, { accept: ONE });
    await new Promise((r) => setTimeout(r, 200));
    expect((await api(s.url, 'PATCH', `${pods}/m1`, { metadata: { labels: { tier: 'x' } } }, { 'content-type': 'application/merge-patch+json' })).status).toBe(200);
    expect((await api(s.url, 'DELETE', `${pods}/m2?gracePeriodSeconds=0`)).status).toBe(200);
    const got = await events;
    expect(got.map((e) => [e.type, e.object.kind, e.object.apiVersion, e.object.metadata.name])).toEqual([
      ['MODIFIED', 'PartialObjectMetadata', 'meta.k8s.io/v1', 'm1'],
      ['DELETED', 'PartialObjectMetadata', 'meta.k8s.io/v1', 'm2'],
    ]);
    expect(got[0].object.metadata.labels).toEqual({ app: 'meta', tier: 'x' });
    expect(got.every((e) => !('spec' in e.object))).toBe(true);
  });

  it('bookmarks of a metadata watch are PartialObjectMetadata too; v1beta1 is labelled as asked', async () => {
    const events = await readWatch(`${s.url}${pods}?watch=true&allowWatchBookmarks=true&timeoutSeconds=3`, 100, 6000, { accept: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1beta1' });
    const bookmark = events.find((e) => e.type === 'BOOKMARK');
    expect(bookmark?.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1beta1', metadata: { resourceVersion: expect.any(String) } });
    expect(events.filter((e) => e.type !== 'BOOKMARK').every((e) => e.object.kind === 'PartialObjectMetadata' && e.object.apiVersion === 'meta.k8s.io/v1beta1')).toBe(true);
  });

  it('a list asked for as one object, or an object as a list, is 406 in upstream\'s words', async () => {
    const list = await api(s.url, 'GET', pods, undefined, { accept: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1' });
    expect(list.status).toBe(406);
    expect(list.json).toMatchObject({ kind: 'Status', code: 406, reason: 'NotAcceptable', message: 'you requested PartialObjectMetadata, but the requested object is a list (*v1.PodList)' });
    const one = await api(s.url, 'GET', '/api/v1/namespaces/default/services/kubernetes', undefined, { accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1' });
    expect(one.json).toMatchObject({ code: 406, message: 'you requested PartialObjectMetadataList, but the requested object is not a list (*v1.Service)' });
    const watch = await api(s.url, 'GET', `${pods}?watch=true`, undefined, { accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1' });
    expect(watch.status).toBe(406);
    // An unknown version of the kind is no match: nothing else acceptable was offered.
    expect((await api(s.url, 'GET', pods, undefined, { accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v9' })).status).toBe(406);
  });
});
