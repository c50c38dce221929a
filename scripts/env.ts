/** Scripts read configuration the way Next does (.env, .env.local, ...), then validate it. */
import nextEnv from "@next/env";
import { loadConfig, type Config } from "../lib/config";

export function loadEnv(dev = false): Config {
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
  const result = loadConfig();
  if (!result.ok) {
    console.error("Configuration problems (environment variables or .env):");
    for (const e of result.errors) console.error(`  - ${e}`);
    process.exit(1);
  }
  return result.config;
}
