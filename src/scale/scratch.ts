/**
 * Throw-away PostgreSQL databases and NATS names for tests and benchmarks: each run creates its own
 * (sitrep_test_<random>) and drops it after, so runs never see each other's rows or streams.
 */
import pg from "pg";
import { randomBytes } from "node:crypto";

/** The server tests and benchmarks use: $SITREP_TEST_PG, else the local trust-auth server's `test` database. */
export const TEST_PG_URL = process.env.SITREP_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
export const TEST_NATS_URL = process.env.SITREP_TEST_NATS ?? "nats://127.0.0.1:4222";

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Empties the database (schema public dropped and re-created), for a fresh store. */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

export function scratchName(prefix = "sitrep_test"): string {
  return `${prefix}_${randomBytes(5).toString("hex")}`;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a database of its own on the test server; throws (with the reason) when no server answers. */
export async function createScratchDatabase(prefix?: string): Promise<ScratchDatabase> {
  const name = scratchName(prefix);
  // The name is ours (letters, digits, underscore): safe to splice into DDL, which takes no parameters.
  const create = () => admin((c) => c.query(`CREATE DATABASE ${name}`));
  const drop = () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await create();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    reset: async () => {
      // Everything sitrep makes (tables, the text search configuration, unaccent) lives in schema public.
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      } finally {
        await client.end();
      }
    },
    drop: async () => {
      await drop();
    },
  };
}
