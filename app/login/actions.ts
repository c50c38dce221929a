"use server";

import { AuthError } from "next-auth";
import { safeCallbackPath } from "@/lib/access";
import { signIn } from "@/lib/auth";

export interface LoginState {
  error: string | null;
  email: string;
}

export async function login(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
    return { error: null, email };
  } catch (e) {
    // a successful sign-in ends in a redirect, which Next implements by throwing: let it through
    if (e instanceof AuthError) return { error: "Wrong email or password.", email };
    throw e;
  }
}
