/**
 * The Prisma client: one per process, on SQLite through better-sqlite3. DateTime columns are stored as
 * Unix milliseconds, which report queries compare and bucket as plain integers.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { config } from "./config";

export function createPrismaClient(url: string): PrismaClient {
  // WAL: readers never wait for the writer; NORMAL sync is crash-safe in WAL mode; busy_timeout lets a
  // second process (a CLI script) wait for the lock instead of failing.
  const adapter = new PrismaBetterSqlite3({ url, timeout: 5000 }, { timestampFormat: "unixepoch-ms" });
  return new PrismaClient({ adapter });
}

/** Per-connection SQLite settings; journal_mode=WAL is stored in the file by the migration step. */
export async function tuneConnection(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}

const globalForPrisma = globalThis as unknown as { writer?: Promise<PrismaClient>; reader?: Promise<PrismaClient> };

function open(): Promise<PrismaClient> {
  return (async () => {
    const client = createPrismaClient(config().databaseUrl);
    await tuneConnection(client);
    return client;
  })();
}

/**
 * The connection every write goes through, always inside `$transaction`: the adapter serialises
 * transactions on its one connection, but a statement issued outside one would run inside whichever
 * transaction is open at that moment and vanish with its rollback.
 * Kept on globalThis so Next's dev reloads do not open a connection per edit.
 */
export function writer(): Promise<PrismaClient> {
  globalForPrisma.writer ??= open();
  return globalForPrisma.writer;
}

/**
 * A second connection for pages and reports: in WAL mode it reads the last committed state, never a
 * notification half-applied on the writer's connection.
 */
export function reader(): Promise<PrismaClient> {
  globalForPrisma.reader ??= open();
  return globalForPrisma.reader;
}
