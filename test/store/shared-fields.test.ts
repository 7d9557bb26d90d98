// Objects written the same way own the same fields: their managedFields share one FieldsV1 value,
// whether they were just written or read back at start-up (bench scale: 100,000 pods, a handful
// of shapes; one copy each made RSS 0.8 GiB larger).

import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../store/ledger.js';
import { create, node, pod } from '../support/commands.js';
import { removeDir, tempDir } from '../support/server.js';

describe('managedFields FieldsV1 values are shared', () => {
  const dataDir = tempDir();
  afterAll(() => removeDir(dataDir));
  const fieldsV1 = (ledger: Ledger, name: string) => (ledger.state.get('Pod', 'default', name)!.metadata.managedFields as { fieldsV1: object }[])[0]!.fieldsV1;

  it('by objects just written and by objects read back at start-up', async () => {
    let ledger = await Ledger.open({ dataDir });
    await ledger.submit({ ...create('Node', '', node('n1', '192.168.5.1')), fieldManager: 'kubectl-create' });
    for (const name of ['a', 'b']) await ledger.submit({ ...create('Pod', 'default', pod(name, 'n1', { app: name })), fieldManager: 'kubectl-create' });
    expect(fieldsV1(ledger, 'a')).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': expect.any(Object) });
    expect(fieldsV1(ledger, 'a')).toBe(fieldsV1(ledger, 'b'));
    await ledger.close();
    ledger = await Ledger.open({ dataDir });
    expect(fieldsV1(ledger, 'a')).toBe(fieldsV1(ledger, 'b'));
    await ledger.close();
  });
});
