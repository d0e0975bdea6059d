import { PostgresStore } from './postgres-store.ts';
import type { TestPostgres } from './postgres-test-databases.ts';
import { onEveryPostgres } from './postgres-test-databases.ts';
import type { OpenedStore } from './store-contract.ts';
import { storeContract } from './store-contract.ts';

/** Each open: an empty schema; reopen and twin are stores on new pools over that same schema. */
const opener = (postgres: () => TestPostgres) => async (): Promise<OpenedStore> => {
  const schema = await postgres().fresh();
  const again = () => PostgresStore.open({ pool: schema.pool() });
  return { store: await again(), reopen: again, twin: again };
};

// Always an embedded PGlite; the real server (DATABASE_URL, else the local test database) when one answers.
await onEveryPostgres('store contract: postgres', (label, postgres) => storeContract(`postgres (${label})`, opener(postgres)));
