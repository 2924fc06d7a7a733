import { Client } from 'pg';

import { infraEnv } from './infra-env';

/** Runs one query against the test database (for assertions on what a service stored). */
export async function sql<T extends object = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: infraEnv().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(query, params)).rows;
  } finally {
    await client.end();
  }
}
