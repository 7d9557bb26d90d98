// Answers for people: YAML for `Accept: application/yaml` (before any JSON alternative), and
// indented JSON as kube-apiserver's isPrettyPrint gives it: ?pretty=true, or by default for curl,
// Wget and browsers, and ?pretty=false for them turns it off. Errors (Status) alike.

import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { api, suiteServer } from '../support/server.js';

describe('pretty printing', () => {
  const s = suiteServer();
  const path = '/api/v1/namespaces/default/services/kubernetes';

  it('?pretty=true, or a curl/Wget/browser user agent, gets indented JSON; others the compact form', async () => {
    const compact = await api(s.url, 'GET', path);
    expect(compact.text.startsWith('{"')).toBe(true);
    const asked = await api(s.url, 'GET', `${path}?pretty=true`);
    expect(asked.text).toBe(JSON.stringify(compact.json, null, 2));
    expect((await api(s.url, 'GET', path, undefined, { 'user-agent': 'curl/8.5.0' })).text).toBe(asked.text);
    expect((await api(s.url, 'GET', path, undefined, { 'user-agent': 'Wget/1.21' })).text).toBe(asked.text);
    expect((await api(s.url, 'GET', `${path}?pretty=false`, undefined, { 'user-agent': 'curl/8.5.0' })).text).toBe(compact.text);
    const missing = await api(s.url, 'GET', '/api/v1/namespaces/default/services/nope?pretty=1');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('\n  "kind": "Status"');
  });

  it('Accept: application/yaml answers YAML (errors too); a JSON alternative listed first wins', async () => {
    const json = (await api(s.url, 'GET', path)).json;
    const yaml = await api(s.url, 'GET', path, undefined, { accept: 'application/yaml' });
    expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(YAML.parse(yaml.text)).toEqual(json);
    expect(yaml.text).toContain('kind: Service\n');
    const missing = await api(s.url, 'GET', '/api/v1/namespaces/default/services/nope', undefined, { accept: 'application/yaml' });
    expect([missing.status, YAML.parse(missing.text).reason]).toEqual([404, 'NotFound']);
    expect((await api(s.url, 'GET', path, undefined, { accept: 'application/json, application/yaml' })).text.startsWith('{"')).toBe(true);
  });
});
