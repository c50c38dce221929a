/**
 * Prisma's schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm), driven through the
 * better-sqlite3 driver adapter. Prisma 7's CLI would download a native engine, which our machines
 * cannot; this gives the same migrations and the same `_prisma_migrations` table without it.
 * The package's API is internal: versions are pinned in package.json and lib/migrations/migrations.test.ts
 * migrates a fresh database and exercises every model.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const root = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

let loaded: Promise<{ SchemaEngine: { new: (o: unknown, cb: unknown, a: unknown) => Promise<Engine> } }> | undefined;

function loadWasm() {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package's `exports` map hides package.json and the .wasm file: find them from its entry point.
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const module = new WebAssembly.Module(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
    const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg as never;
  })();
  return loaded;
}

function schemaFiles() {
  return [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }];
}

async function withEngine<T>(url: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  // The engine opens its connection in exclusive locking mode and never closes it: keep hold of every
  // connection it makes and close them ourselves, or the next engine in this process finds the file locked.
  const factory = new PrismaBetterSqlite3({ url });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = {
    provider: factory.provider as "sqlite",
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      opened.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = await factory.connectToShadowDb();
      opened.push(connection);
      return connection;
    },
  };
  const engine = await SchemaEngine.new(
    { datamodels: schemaFiles().map((f) => [f.path, f.content]) },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((c) => c.dispose()));
  }
}

function migrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies every migration under prisma/migrations the database has not had yet. */
export async function applyMigrations(url: string): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes a database migrated to the latest migration to what schema.prisma describes ("" when none). */
export async function pendingSchemaChanges(url: string): Promise<string> {
  return withEngine(url, async (engine) => {
    const out = await engine.diff({
      from: { tag: "schemaDatasource", files: schemaFiles(), configDir: root },
      to: { tag: "schemaDatamodel", files: schemaFiles() },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return (out.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  });
}
