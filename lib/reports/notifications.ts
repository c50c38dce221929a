import type { PrismaClient } from "../generated/prisma/client";

/** The most recent deliveries to /api/hooks with their verdicts, newest first. */
export function getLatestNotifications(prisma: PrismaClient, limit = 10) {
  return prisma.notification.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, receivedAt: true, kind: true, orderId: true, verdict: true, reason: true, signature: true },
  });
}

export type LatestNotification = Awaited<ReturnType<typeof getLatestNotifications>>[number];
