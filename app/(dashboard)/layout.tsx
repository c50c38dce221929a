import Link from "next/link";
import { redirect } from "next/navigation";
import { isAdmin } from "@/lib/access";
import { auth, signOut } from "@/lib/auth";

const NAV = [
  ["/", "Overview"],
  ["/revenue", "Revenue"],
  ["/refunds", "Refunds"],
  ["/prepayments", "Prepayments"],
  ["/utm", "UTM"],
  ["/orders", "Orders"],
  ["/partners", "Partners"],
  ["/notifications", "Notifications"],
] as const;

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts already turned anonymous visitors away; this keeps the pages safe if it is ever bypassed
  const session = await auth();
  if (!session?.user) redirect("/login");

  async function logout() {
    "use server";
    await signOut({ redirectTo: "/login" });
  }

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold text-slate-900">
            JustClick sales
          </Link>
          <nav className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="main-nav">
            {NAV.map(([href, label]) => (
              <Link key={href} href={href} className="hover:text-slate-900">
                {label}
              </Link>
            ))}
            {isAdmin(session) && (
              <Link href="/settings" className="hover:text-slate-900">
                Settings
              </Link>
            )}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-500">
            <span data-testid="user-email">{session.user.email}</span>
            <form action={logout}>
              <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
