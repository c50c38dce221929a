import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // route-handler tests each open their own temporary SQLite file; keep files isolated
    pool: "forks",
    testTimeout: 20_000,
    // next-auth imports "next/server" without an extension, which only bundlers resolve
    server: { deps: { inline: ["next-auth"] } },
  },
});
