import type { Metadata } from "next";
import { LoginForm } from "@/components/login-form";
import { safeCallbackPath } from "@/lib/access";
import { reader } from "@/lib/db";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const hasUsers = (await reader().user.count()) > 0;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="mb-1 text-xl font-semibold">JustClick sales</h1>
        <p className="mb-6 text-sm text-slate-500">Sign in to see your shop&apos;s numbers.</p>
        {!hasUsers && (
          <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            No users yet. Set <code>ADMIN_EMAIL</code> and <code>ADMIN_PASSWORD</code> and restart with <code>npm start</code>, or use the
            password <code>npm start</code> printed.
          </p>
        )}
        <LoginForm callbackUrl={safeCallbackPath(callbackUrl)} />
      </div>
    </main>
  );
}
