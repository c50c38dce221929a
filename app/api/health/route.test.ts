import { afterAll, expect, it } from "vitest";
import { useTempDatabase } from "@/lib/testing/temp-db";

const tmp = await useTempDatabase();
const { GET } = await import("./route");
afterAll(() => tmp.cleanup());

it("answers 200 JSON when the database answers", async () => {
  const res = await GET();
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});
