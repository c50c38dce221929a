import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI wants a native schema engine it would download; generate/validate/format never run it,
// so point it at a stub that explains where migrations live instead (scripts/db.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma/schema-engine-unavailable.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
