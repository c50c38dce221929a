import type { OrderStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABEL: Record<OrderStatus, string> = {
  AWAITING_PAYMENT: "awaiting payment",
  PREPAID: "prepaid",
  PAID: "paid",
  REFUNDED: "refunded",
  CANCELLED: "cancelled",
};

const STYLE: Record<OrderStatus, string> = {
  AWAITING_PAYMENT: "bg-slate-100 text-slate-700",
  PREPAID: "bg-sky-50 text-sky-700",
  PAID: "bg-emerald-50 text-emerald-700",
  REFUNDED: "bg-orange-50 text-orange-700",
  CANCELLED: "bg-red-50 text-red-700",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[status]}`}>{STATUS_LABEL[status]}</span>;
}
