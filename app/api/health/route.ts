import { reader } from "@/lib/db";

export const dynamic = "force-dynamic";

/** For uptime checks: 200 when the database answers, 503 when it does not. */
export async function GET(): Promise<Response> {
  try {
    const prisma = reader();
    await prisma.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", database: "ok" });
  } catch (e) {
    // the details (file paths, SQL) go to the server log, not to anonymous callers
    console.error("health: database check failed", e);
    return Response.json({ status: "error", database: "unavailable" }, { status: 503 });
  }
}
