"use client";

import { useState } from "react";

export interface CsvExportProps {
  from: string;
  to: string;
  level?: string;
  partner?: string;
  /** The shop's defaults: a decimal comma goes with ";" (Russian Excel). */
  decimalComma: boolean;
}

/**
 * Downloads the partner payouts CSV, showing progress for long exports: the server says how many
 * lines to expect and the rows are counted as they stream in.
 */
export function CsvExport({ from, to, level, partner, decimalComma }: CsvExportProps) {
  const [shape, setShape] = useState<"partners" | "lines">("partners");
  const [status, setStatus] = useState("");
  const [delimiter, setDelimiter] = useState(decimalComma ? "semicolon" : "comma");
  const [decimal, setDecimal] = useState(decimalComma ? "comma" : "dot");
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setError(null);
    setProgress("Starting…");
    const params = new URLSearchParams({ from, to, shape, delimiter, decimal });
    if (level) params.set("level", level);
    if (partner) params.set("partner", partner);
    if (status && shape === "lines") params.set("status", status);
    try {
      const res = await fetch(`/api/exports/partner-payouts?${params}`);
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => null);
        throw new Error(body?.message ?? `the server answered ${res.status}`);
      }
      const total = Number(res.headers.get("x-total-rows") ?? 0);
      const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1];
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const reader = res.body.getReader();
      let rows = -1; // the header
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        for (const byte of value) if (byte === 10) rows++;
        setProgress(total ? `${Math.min(100, Math.round((rows / total) * 100))}% (${rows} of ${total} lines)` : `${rows} rows`);
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name ? decodeURIComponent(name) : "partner-payouts.csv";
      a.click();
      URL.revokeObjectURL(url);
      setProgress(`Done: ${rows} rows`);
    } catch (e) {
      setProgress(null);
      setError(`Export failed: ${(e as Error).message}`);
    }
  }

  const select = "rounded-md border border-slate-300 bg-white px-2 py-1";
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm" data-testid="csv-export">
      <label>
        <span className="block text-slate-500">Rows</span>
        <select className={select} value={shape} onChange={(e) => setShape(e.target.value as "partners" | "lines")} aria-label="Rows">
          <option value="partners">one per partner (totals)</option>
          <option value="lines">one per fee line (detail)</option>
        </select>
      </label>
      {shape === "lines" && (
        <label>
          <span className="block text-slate-500">Status</span>
          <select className={select} value={status} onChange={(e) => setStatus(e.target.value)} aria-label="Status">
            <option value="">any</option>
            <option value="due">due</option>
            <option value="held">held</option>
            <option value="paid">paid</option>
            <option value="reversed">reversed</option>
          </select>
        </label>
      )}
      <label>
        <span className="block text-slate-500">Separator</span>
        <select className={select} value={delimiter} onChange={(e) => setDelimiter(e.target.value)} aria-label="Separator">
          <option value="semicolon">; (Russian Excel)</option>
          <option value="comma">, (comma)</option>
        </select>
      </label>
      <label>
        <span className="block text-slate-500">Decimal mark</span>
        <select className={select} value={decimal} onChange={(e) => setDecimal(e.target.value)} aria-label="Decimal mark">
          <option value="comma">1234,50</option>
          <option value="dot">1234.50</option>
        </select>
      </label>
      <button type="button" onClick={download} className="rounded-md bg-slate-800 px-3 py-1.5 text-white hover:bg-slate-700">
        Download CSV
      </button>
      {progress && <span className="text-slate-500" data-testid="export-progress">{progress}</span>}
      {error && <span className="text-red-700">{error}</span>}
    </div>
  );
}
