"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";
import { formatCount } from "./format";

export interface Series {
  key: string;
  name: string;
  color: string;
}

/**
 * Money (or, with unit "count", a number of things) per day, week, month or bucket. Money stays in minor
 * units; only labels are formatted. The money axis starts at 100 units so an empty range does not show
 * kopeck ticks. Labels that are days are written short.
 */
export function MoneyBarChart({
  data,
  series,
  currency,
  locale,
  stacked = false,
  unit = "money",
  testId,
}: {
  data: ({ label: string } & Record<string, number | string>)[];
  series: Series[];
  currency: string;
  locale: string;
  stacked?: boolean;
  unit?: "money" | "count";
  testId: string;
}) {
  const money = (v: number) => (unit === "money" ? formatMoney(v, currency, locale) : formatCount(v, locale));
  const short = (label: string) => (/^\d{4}-\d{2}-\d{2}$/.test(label) ? `${label.slice(8, 10)}.${label.slice(5, 7)}${data.length > 400 ? "." + label.slice(2, 4) : ""}` : label);
  return (
    <div className="h-72 w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tickFormatter={short} tick={{ fontSize: 12 }} minTickGap={12} />
          <YAxis tickFormatter={money} tick={{ fontSize: 12 }} width={90} allowDecimals={false} domain={[0, (max: number) => Math.max(max, unit === "money" ? 10000 : 1)]} />
          <Tooltip formatter={(v) => money(Number(v))} labelFormatter={(d) => String(d)} />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
