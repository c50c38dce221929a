// The baseline for scripts/bench-hooks.ts: the same Next.js, one route handler that only reads the body.
import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = { turbopack: { root: path.resolve(import.meta.dirname, "../../..") } };
export default config;
