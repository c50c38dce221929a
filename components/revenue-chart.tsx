"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";

export interface RevenueChartDay {
  day: string;
  gross: number;
  refunds: number;
}

/** Gross and refunds per day; values stay in minor units, only the labels are formatted. */
export function RevenueChart({ days, currency, locale }: { days: RevenueChartDay[]; currency: string; locale: string }) {
  const money = (v: number) => formatMoney(v, currency, locale);
  const short = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;
  return (
    <div className="h-72 w-full" data-testid="revenue-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={short} tick={{ fontSize: 12 }} minTickGap={12} />
          <YAxis tickFormatter={money} tick={{ fontSize: 12 }} width={90} />
          <Tooltip formatter={(v) => money(Number(v))} labelFormatter={(d) => String(d)} />
          <Legend />
          <Bar dataKey="gross" name="Gross revenue" fill="#4f46e5" isAnimationActive={false} />
          <Bar dataKey="refunds" name="Refunds" fill="#f97316" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
