/**
 * Database connections. Two rules keep SQLite fast and safe here:
 *
 * 1. Every write goes through `writeDb()`: one better-sqlite3 connection, used synchronously, each
 *    change in a `db.transaction()` that never spans an `await`. The hook endpoint must keep up with
 *    JustClick at framework speed: Prisma costs 0.5-1.5 ms per query here (measured), a prepared
 *    statement a few microseconds, and a transaction that never yields cannot interleave with another
 *    request's. (Prisma's adapter shares one connection, so a statement issued while another request's
 *    interactive transaction is open joins that transaction and vanishes with its rollback.)
 * 2. Pages and reports read through `reader()`, Prisma on its own connection: in WAL mode it sees the
 *    last committed state and never waits for the writer.
 *
 * DateTime columns are Unix milliseconds (Prisma's `timestampFormat: 'unixepoch-ms'`); raw SQL writes
 * and compares them as integers.
 */
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { config } from "./config";

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
  return sqlite;
}

const globalForDb = globalThis as unknown as { writeDb?: Database.Database; reader?: PrismaClient };

/** The one connection that writes (kept on globalThis so Next's dev reloads reuse it). */
export function writeDb(): Database.Database {
  globalForDb.writeDb ??= openWriteConnection(config().databaseUrl);
  return globalForDb.writeDb;
}

/** Prisma on a read connection, for pages and reports. */
export function reader(): PrismaClient {
  globalForDb.reader ??= createPrismaClient(config().databaseUrl);
  return globalForDb.reader;
}
