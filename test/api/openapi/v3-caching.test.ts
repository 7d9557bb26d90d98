// /openapi/v3/{group version} over HTTP, as kube-openapi's handler3 serves it to kubectl's cache:
// the index's URL (with the document's hash) is cacheable for good, an old hash is redirected to
// the current one, and a matching If-None-Match is 304 with no body.

import { describe, expect, it } from 'vitest';
import { suiteServer } from '../../support/server.js';

describe('/openapi/v3 caching', () => {
  const s = suiteServer();

  it('hash URLs are immutable; a stale hash is 301 to the current; If-None-Match is 304', async () => {
    const index = await (await fetch(`${s.url}/openapi/v3`)).json();
    const url: string = index.paths['api/v1'].serverRelativeURL;
    const hash = new URL(url, s.url).searchParams.get('hash')!;

    const fresh = await fetch(s.url + url);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toBe('public, immutable');
    expect(fresh.headers.get('vary')).toBe('Accept');
    expect(Date.parse(fresh.headers.get('expires')!) - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);
    expect(fresh.headers.get('etag')).toBe(`"${hash}"`);
    expect((await fresh.json()).openapi).toMatch(/^3\./);

    const stale = await fetch(`${s.url}/openapi/v3/api/v1?hash=DEADBEEF`, { redirect: 'manual' });
    expect(stale.status).toBe(301);
    expect(stale.headers.get('location')).toBe(url);

    const again = await fetch(`${s.url}/openapi/v3/api/v1`, { headers: { 'if-none-match': `"${hash}"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Without a hash the answer is not marked cacheable.
    expect((await fetch(`${s.url}/openapi/v3/api/v1`)).headers.get('cache-control')).toBeNull();
  });
});
