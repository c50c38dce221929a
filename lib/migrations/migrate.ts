import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "./schema-engine";

/** Creates the database file if needed, switches it to WAL and applies pending migrations. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const file = url.slice("file:".length);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL"); // stored in the file: every later connection uses it
  sqlite.close();
  return applyMigrations(url);
}
