"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isAdmin } from "@/lib/access";
import { auth } from "@/lib/auth";
import { writeDb } from "@/lib/db";
import { saveSettings } from "@/lib/settings";
import { addUser, setPassword, UserError } from "@/lib/users";

export interface FormState {
  error: string | null;
  done: string | null;
}

const firstIssue = (e: z.ZodError) => e.issues[0]?.message ?? "invalid form";

async function requireAdmin(): Promise<string | null> {
  const session = await auth();
  return isAdmin(session) ? null : "Only an admin can change settings and users.";
}

const settingsForm = z.object({
  refundsReverseFees: z.enum(["on"]).optional(),
  feeHoldDays: z.coerce.number({ message: "the hold period must be a number of days" }).int("the hold period must be whole days").min(0).max(365, "the hold period is at most 365 days"),
});

export async function saveSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const denied = await requireAdmin();
  if (denied) return { error: denied, done: null };
  const parsed = settingsForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: `Not saved: ${firstIssue(parsed.error)}.`, done: null };
  saveSettings({ refundsReverseFees: parsed.data.refundsReverseFees === "on", feeHoldDays: parsed.data.feeHoldDays });
  revalidatePath("/", "layout");
  return { error: null, done: "Saved. Refunds received from now on follow the new setting." };
}

const password = z.string().min(10, "passwords have at least 10 characters").max(200);

const userForm = z.object({
  email: z.email("give an email address"),
  role: z.enum(["ADMIN", "STAFF"]),
  password,
});

export async function addUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const denied = await requireAdmin();
  if (denied) return { error: denied, done: null };
  const parsed = userForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: `Not added: ${firstIssue(parsed.error)}.`, done: null };
  try {
    addUser(writeDb(), parsed.data);
  } catch (e) {
    if (e instanceof UserError) return { error: `Not added: ${e.message}.`, done: null };
    throw e;
  }
  revalidatePath("/settings");
  return { error: null, done: `${parsed.data.email} can sign in now.` };
}

export async function setPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const denied = await requireAdmin();
  if (denied) return { error: denied, done: null };
  const parsed = z.object({ email: z.email(), password }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: `Not changed: ${firstIssue(parsed.error)}.`, done: null };
  try {
    setPassword(writeDb(), parsed.data.email, parsed.data.password);
  } catch (e) {
    if (e instanceof UserError) return { error: `Not changed: ${e.message}.`, done: null };
    throw e;
  }
  return { error: null, done: `Password of ${parsed.data.email} changed.` };
}
