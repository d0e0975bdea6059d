import { afterAll, beforeAll, it } from 'vitest';
import { PostgresStore } from './postgres-store.ts';
import type { TestPostgres } from './postgres-test-databases.ts';
import { TEST_DATABASE_URL, pglitePostgres, serverPostgres } from './postgres-test-databases.ts';
import type { OpenedStore } from './store-contract.ts';
import { storeContract } from './store-contract.ts';

/** Each open: an empty schema; reopen and twin are stores on new pools over that same schema. */
const opener = (postgres: () => TestPostgres) => async (): Promise<OpenedStore> => {
  const schema = await postgres().fresh();
  const again = () => PostgresStore.open({ pool: schema.pool() });
  return { store: await again(), reopen: again, twin: again };
};

// Always: an embedded PGlite, one for the whole file (it takes seconds to start).
let lite: TestPostgres | null = null;
beforeAll(async () => {
  lite = await pglitePostgres();
}, 60_000);
afterAll(async () => {
  await lite?.close();
});
storeContract(
  'postgres (PGlite)',
  opener(() => lite as TestPostgres),
);

// When one answers: the real server (DATABASE_URL, else the local test database).
const server = await serverPostgres();
if (server) {
  afterAll(() => server.close());
  storeContract(
    'postgres (server)',
    opener(() => server),
  );
} else it.skip(`store contract: postgres (server) — ${TEST_DATABASE_URL} unreachable`, () => {});
