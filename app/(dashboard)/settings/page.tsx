import type { Metadata } from "next";
import { AddUserForm, SetPasswordForm, ShopSettingsForm } from "@/components/settings-forms";
import { isAdmin } from "@/lib/access";
import { auth } from "@/lib/auth";
import { reader } from "@/lib/db";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const session = await auth();
  if (!isAdmin(session)) {
    return <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Settings and users are for admins. Ask the shop&apos;s owner.</p>;
  }
  const settings = getSettings();
  const users = await reader().user.findMany({ orderBy: { id: "asc" }, select: { email: true, role: true, createdAt: true } });
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-3 font-medium">Partner fees</h2>
        <ShopSettingsForm refundsReverseFees={settings.refundsReverseFees} feeHoldDays={settings.feeHoldDays} />
      </section>
      <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="font-medium">Users</h2>
        <table className="w-full text-left text-sm" data-testid="users">
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.email}>
                <td className="py-2 pr-4">{u.email}</td>
                <td className="py-2 pr-4 text-slate-500">{u.role.toLowerCase()}</td>
                <td className="py-2">
                  <SetPasswordForm email={u.email} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <AddUserForm />
      </section>
    </div>
  );
}
