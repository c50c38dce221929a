/** One order with everything known about it, for its page. */
import { reader } from "../db";
import { parseStr, toPlain } from "../justclick/parse-str";

export async function getOrder(id: string) {
  const prisma = reader();
  const order = await prisma.order.findUnique({
    where: { id },
    include: {
      items: { orderBy: { position: "asc" } },
      events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
      partnerFees: { orderBy: { id: "asc" }, include: { partner: true, payout: { select: { id: true, paidOn: true, reference: true, undoneAt: true } } } },
    },
  });
  if (!order) return null;
  const notifications = await prisma.notification.findMany({ where: { orderId: id }, orderBy: { id: "asc" } });
  return { order, notifications };
}

/**
 * A stored body for people to read: the raw text as received and, when it parses, its fields decoded
 * (UTF-8; anything else is shown with replacement characters). Rendered as text, never as HTML.
 */
export function describeBody(body: Uint8Array): { raw: string; fields: string | null } {
  const binary = Buffer.from(body).toString("latin1");
  try {
    const fields = toPlain(parseStr(binary), (s) => Buffer.from(s, "latin1").toString("utf8"));
    return { raw: binary, fields: JSON.stringify(fields, null, 2) };
  } catch {
    return { raw: binary, fields: null };
  }
}
