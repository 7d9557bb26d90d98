// Whether a PostgreSQL database holds a netledger log, asked without creating anything in it
// (opening the store would run the migrations).

import { connectTo } from './connect.js';

export async function hasNetledgerSchema(url: string): Promise<boolean> {
  const client = await connectTo(url);
  try {
    const { rows } = await client.query<{ events: string | null }>(`SELECT to_regclass('events')::text AS events`);
    return rows[0]?.events != null;
  } finally {
    await client.end();
  }
}
