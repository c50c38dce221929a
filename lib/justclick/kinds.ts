/** The five notifications JustClick sends, in lifecycle order. */
export const NOTIFICATION_KINDS = ["created", "prepaid", "paid", "moneyback", "cancel"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
