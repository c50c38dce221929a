/**
 * Configuration, read from the environment (and .env files, loaded by Next or by scripts/env.ts) and
 * validated once. `loadConfig` reports every bad value at once, so `npm start` can refuse to start
 * with a message per problem.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Where the app keeps its own files: the SQLite database and the generated auth secret. */
export const DATA_DIR = process.env.DATA_DIR ? path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR) : path.join(process.cwd(), "data");

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code);
}

function isLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

const schema = z
  .object({
    DATABASE_URL: z.preprocess(
      blank,
      z
        .string()
        .regex(/^file:.+/, "must be a SQLite file URL such as file:./data/justclick.db")
        .default(`file:${path.join(DATA_DIR, "justclick.db")}`),
    ),
    JUSTCLICK_SECRET_KEY: z.preprocess(blank, z.string().optional()),
    AUTH_SECRET: z.preprocess(blank, z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 33)").optional()),
    ADMIN_EMAIL: z.preprocess(blank, z.email("must be an email address").optional()),
    ADMIN_PASSWORD: z.preprocess(blank, z.string().min(10, "must be at least 10 characters").optional()),
    SHOP_TIMEZONE: z.preprocess(blank, z.string().refine(isTimeZone, "is not an IANA time zone such as Europe/Moscow").default("Europe/Moscow")),
    SHOP_CURRENCY: z.preprocess(blank, z.string().refine(isCurrency, "is not an ISO 4217 currency code such as RUB or USD").default("RUB")),
    SHOP_LOCALE: z.preprocess(blank, z.string().refine(isLocale, "is not a locale such as ru-RU or en-US").default("ru-RU")),
    SHOP_NAME: z.preprocess(blank, z.string().max(80).default("shop")),
    PORT: z.preprocess(blank, z.coerce.number().int().min(1).max(65535).default(3000)),
  })
  .superRefine((c, ctx) => {
    // name the one that is missing
    if (c.ADMIN_EMAIL && !c.ADMIN_PASSWORD) ctx.addIssue({ code: "custom", path: ["ADMIN_PASSWORD"], message: "is missing: ADMIN_EMAIL is set, and the two go together" });
    if (c.ADMIN_PASSWORD && !c.ADMIN_EMAIL) ctx.addIssue({ code: "custom", path: ["ADMIN_EMAIL"], message: "is missing: ADMIN_PASSWORD is set, and the two go together" });
  });

type Env = z.output<typeof schema>;

export interface Config {
  databaseUrl: string;
  /** The shop's JustClick API key; without it the hook endpoint refuses with 503. */
  justclickSecret: string | null;
  authSecretFromEnv: string | null;
  admin: { email: string; password: string } | null;
  timeZone: string;
  currency: string;
  locale: string;
  /** Used in export file names. */
  shopName: string;
  port: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Resolves a relative SQLite path against the working directory, so every process opens the same file. */
function absoluteSqliteUrl(url: string): string {
  const file = url.slice("file:".length);
  return file === ":memory:" ? url : `file:${path.resolve(file)}`;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`) };
  }
  const e: Env = parsed.data;
  return {
    ok: true,
    config: {
      databaseUrl: absoluteSqliteUrl(e.DATABASE_URL),
      justclickSecret: e.JUSTCLICK_SECRET_KEY ?? null,
      authSecretFromEnv: e.AUTH_SECRET ?? null,
      admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : null,
      timeZone: e.SHOP_TIMEZONE,
      currency: e.SHOP_CURRENCY,
      locale: e.SHOP_LOCALE,
      shopName: e.SHOP_NAME,
      port: e.PORT,
    },
  };
}

let cached: Config | undefined;

/** The validated configuration of this process; throws with every problem listed when it is invalid. */
export function config(): Config {
  if (!cached) {
    const result = loadConfig();
    if (!result.ok) throw new Error(`Invalid configuration:\n  ${result.errors.join("\n  ")}`);
    cached = result.config;
  }
  return cached;
}

/**
 * AUTH_SECRET signs login sessions. When it is not set, one is generated on first use and kept in
 * data/auth-secret, so sessions survive restarts without anyone having to make one up.
 */
export function authSecret(): string {
  const fromEnv = config().authSecretFromEnv;
  if (fromEnv) return fromEnv;
  const file = path.join(DATA_DIR, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    const secret = crypto.randomBytes(33).toString("base64url");
    try {
      fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // another process wrote it first: use theirs
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
