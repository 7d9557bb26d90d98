// The event log's selectors: a fieldSelector on the filter fields selects as the query parameters
// do (kubectl get events.netledger.io --field-selector kind=Service); what the log cannot honour
// is a 400, never a whole log the caller takes for a filtered one.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../../support/server.js';

const EVENTS = '/apis/netledger.io/v1/events';

describe('event log selectors', () => {
  const s = suiteServer();
  const rvs = async (query: string) => {
    const r = await api(s.url, 'GET', `${EVENTS}?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.json.items.map((e: { resourceVersion: string }) => e.resourceVersion);
  };

  it('fieldSelector kind/namespace/name/actor selects as the parameters do', async () => {
    for (const name of ['a', 'b']) {
      expect((await api(s.url, 'POST', '/api/v1/namespaces/shop/services', { metadata: { name }, spec: { ports: [{ port: 80 }] } })).status).toBe(201);
    }
    const services = await rvs('kind=Service&namespace=shop');
    expect(services.length).toBe(2);
    expect(await rvs('fieldSelector=kind%3DService,namespace%3Dshop')).toEqual(services);
    expect(await rvs('fieldSelector=kind%3D%3Dsvc')).toEqual(await rvs('kind=svc'));
    expect(await rvs('fieldSelector=name%3Db,kind%3DService')).toEqual([services[1]]);
    expect(await rvs(`fieldSelector=actor%3Dsystem:anonymous&kind=Service`)).toEqual(services);
    // The same filter twice is no contradiction, kinds compared as kinds.
    expect(await rvs('fieldSelector=kind%3DService&kind=Service&namespace=shop')).toEqual(services);
    expect(await rvs('fieldSelector=kind%3Dservices&kind=svc&namespace=shop')).toEqual(services);
  });

  it('what it cannot honour is a 400 Status', async () => {
    const bad: [string, string][] = [
      ['fieldSelector=metadata.name%3Da', 'field label not supported: metadata.name'],
      ['fieldSelector=kind!%3DService', 'fieldSelector kind!=Service: the event log selects by equality only'],
      ['fieldSelector=kind%3DService&kind=Pod', 'fieldSelector kind=Service contradicts kind=Pod'],
      ['fieldSelector=kind', "invalid selector: 'kind'; can't understand 'kind'"],
      ['labelSelector=app%3Dweb', "labelSelector: the event log's items have no labels; select with fieldSelector on kind, namespace, name, actor"],
    ];
    for (const [query, message] of bad) {
      const r = await api(s.url, 'GET', `${EVENTS}?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.json).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest', message });
    }
    // An empty labelSelector selects everything, as everywhere.
    expect((await api(s.url, 'GET', `${EVENTS}?labelSelector=`)).status).toBe(200);
  });
});
