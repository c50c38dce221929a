import { reader } from "@/lib/db";

export const dynamic = "force-dynamic";

/** For uptime checks: 200 when the database answers, 503 when it does not. */
export async function GET(): Promise<Response> {
  try {
    const prisma = reader();
    await prisma.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", database: "ok" });
  } catch (e) {
    return Response.json({ status: "error", database: (e as Error).message.slice(0, 200) }, { status: 503 });
  }
}
