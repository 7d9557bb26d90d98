// A node-postgres client connected to a --database-url, or an error that says which database
// could not be reached and why (pg's own message names neither the flag nor the database).

import pg from 'pg';
import { redactedUrl } from './url.js';

export async function connectTo(url: string, config: Omit<pg.ClientConfig, 'connectionString'> = {}): Promise<pg.Client> {
  const client = new pg.Client({ ...config, connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    const err = e as Error & { errors?: Error[] };
    // A name with several addresses (localhost) fails as an AggregateError with an empty message.
    const reason = err.message || err.errors?.map((x) => x.message).join('; ') || String(e);
    throw new Error(`--database-url ${redactedUrl(url)}: cannot connect: ${reason}`);
  }
  return client;
}
