import { afterAll, expect, it, vi } from "vitest";
import { useTempDatabase } from "@/lib/testing/temp-db";

// a database file in a directory that does not exist cannot be opened
const tmp = await useTempDatabase();
process.env.DATABASE_URL = `file:${tmp.dir}/missing/dir/x.db`;
const { GET } = await import("./route");
afterAll(() => tmp.cleanup());

it("answers 503 without the error's details when the database does not", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  const res = await GET();
  expect(res.status).toBe(503);
  expect(await res.json()).toEqual({ status: "error", database: "unavailable" });
});
