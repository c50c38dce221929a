/** The shop's settings (one row; the schema's defaults until someone saves the settings page). */
import { writeDb } from "./db";
import { DEFAULT_SETTINGS, readSettings, type ShopSettingsRow } from "./ingest/store";

export type { ShopSettingsRow as ShopSettings };

export function getSettings(): ShopSettingsRow {
  return readSettings(writeDb());
}

export function saveSettings(s: ShopSettingsRow, now = new Date()): void {
  writeDb()
    .prepare(
      `INSERT INTO "ShopSettings" (id, refundsReverseFees, feeHoldDays, updatedAt) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET refundsReverseFees = excluded.refundsReverseFees, feeHoldDays = excluded.feeHoldDays, updatedAt = excluded.updatedAt`,
    )
    .run(s.refundsReverseFees ? 1 : 0, s.feeHoldDays, now.getTime());
}

export { DEFAULT_SETTINGS };
