import { NOTIFICATION_KINDS } from "@/lib/justclick/kinds";

const FIELD: Record<(typeof NOTIFICATION_KINDS)[number], string> = {
  created: "URL for API notifications about the created invoice",
  prepaid: "URL for API notifications about the pre-paid invoice",
  paid: "URL for API notifications about the paid invoice",
  moneyback: "URL for API notifications about the MoneyBack",
  cancel: "URL for API notifications about the cancelled invoice",
};

/** The URLs to paste into JustClick, one per notification field (all go to the same endpoint). */
export function HookUrls({ origin }: { origin: string }) {
  return (
    <ul className="space-y-1 text-sm">
      {NOTIFICATION_KINDS.map((kind) => (
        <li key={kind} className="flex flex-wrap gap-x-2">
          <span className="text-slate-500">{FIELD[kind]}:</span>
          <code className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800" data-testid={`hook-url-${kind}`}>
            {origin}/api/hooks?type={kind}
          </code>
        </li>
      ))}
    </ul>
  );
}
