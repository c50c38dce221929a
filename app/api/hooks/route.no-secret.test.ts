import { afterAll, expect, it } from "vitest";
import { loadSamples } from "@/lib/testing/samples";
import { useTempDatabase } from "@/lib/testing/temp-db";

const tmp = await useTempDatabase({ JUSTCLICK_SECRET_KEY: undefined });
const { POST } = await import("./route");
const { reader } = await import("@/lib/db");
afterAll(() => tmp.cleanup());

it("without JUSTCLICK_SECRET_KEY: 503 saying why, the notification kept for later, nothing applied", async () => {
  const body = loadSamples().paid_single_no_partners!.body;
  const res = await POST(new Request("http://127.0.0.1/api/hooks", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
  expect(res.status).toBe(503);
  expect(await res.text()).toMatch(/set JUSTCLICK_SECRET_KEY/);
  const prisma = reader();
  expect(await prisma.notification.findFirst()).toMatchObject({ verdict: "REJECTED", reason: expect.stringMatching(/not configured/) });
  expect(await prisma.order.count()).toBe(0);
});
