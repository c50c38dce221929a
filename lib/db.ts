/**
 * Database connections. Two rules keep SQLite fast and safe here:
 *
 * 1. Every write goes through `writeDb()`: one better-sqlite3 connection, used synchronously, each
 *    change in a `db.transaction()` that never spans an `await`. The hook endpoint must keep up with
 *    JustClick at framework speed: Prisma costs 0.5-1.5 ms per query here (measured), a prepared
 *    statement a few microseconds, and a transaction that never yields cannot interleave with another
 *    request's. (Prisma's adapter shares one connection, so a statement issued while another request's
 *    interactive transaction is open joins that transaction and vanishes with its rollback.)
 * 2. Reads go through their own connections, which in WAL mode see the last committed state and never
 *    wait for the writer: `reader()` is Prisma, for pages reading models; `readDb()` runs the report
 *    queries' SQL (lib/reports/sqlite.ts), where Prisma's per-row cost would be ten times the query's.
 *
 * DateTime columns are Unix milliseconds (Prisma's `timestampFormat: 'unixepoch-ms'`); raw SQL writes
 * and compares them as integers.
 */
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { config } from "./config";
import { ensureRollups } from "./ingest/rollups";

const BUSY_TIMEOUT_MS = 5000;

export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url, timeout: BUSY_TIMEOUT_MS }, { timestampFormat: "unixepoch-ms" });
  return new PrismaClient({ adapter });
}

export function openWriteConnection(url: string): Database.Database {
  const sqlite = new Database(sqlitePath(url), { timeout: BUSY_TIMEOUT_MS });
  sqlite.pragma("journal_mode = WAL");
  // NORMAL is crash-safe in WAL mode (a power cut may lose the last commits, never corrupt the file)
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("cache_size = -65536");
  return sqlite;
}

const globalForDb = globalThis as unknown as { writeDb?: Database.Database; readDb?: Database.Database; reader?: PrismaClient };

/** The one connection that writes (kept on globalThis so Next's dev reloads reuse it). */
export function writeDb(): Database.Database {
  if (!globalForDb.writeDb) {
    const sqlite = openWriteConnection(config().databaseUrl);
    // day totals in another zone than the shop's (SHOP_TIMEZONE changed) are rebuilt before anyone reads them
    ensureRollups(sqlite, config().timeZone);
    globalForDb.writeDb = sqlite;
  }
  return globalForDb.writeDb;
}

/** The connection report queries run on; it refuses writes. */
export function readDb(): Database.Database {
  if (!globalForDb.readDb) {
    writeDb();
    const sqlite = new Database(sqlitePath(config().databaseUrl), { timeout: BUSY_TIMEOUT_MS });
    sqlite.pragma("query_only = ON");
    // 64 MB of page cache: report queries at a million orders read more than SQLite's default 2 MB
    sqlite.pragma("cache_size = -65536");
    globalForDb.readDb = sqlite;
  }
  return globalForDb.readDb;
}

/** Prisma on a read connection, for pages that read models. */
export function reader(): PrismaClient {
  globalForDb.reader ??= createPrismaClient(config().databaseUrl);
  return globalForDb.reader;
}
