"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";

export interface Series {
  key: string;
  name: string;
  color: string;
}

/**
 * Money per day, week or month. Values stay in minor units; only labels are formatted. The y axis starts
 * at 100 units so an empty range does not show kopeck ticks.
 */
export function MoneyBarChart({
  data,
  series,
  currency,
  locale,
  stacked = false,
  testId,
}: {
  data: ({ label: string } & Record<string, number | string>)[];
  series: Series[];
  currency: string;
  locale: string;
  stacked?: boolean;
  testId: string;
}) {
  const money = (v: number) => formatMoney(v, currency, locale);
  const short = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}${data.length > 400 ? "." + day.slice(2, 4) : ""}`;
  return (
    <div className="h-72 w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tickFormatter={short} tick={{ fontSize: 12 }} minTickGap={12} />
          <YAxis tickFormatter={money} tick={{ fontSize: 12 }} width={90} allowDecimals={false} domain={[0, (max: number) => Math.max(max, 10000)]} />
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
