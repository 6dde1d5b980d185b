"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { SIGN_IN_FAILED, signInSchema } from "@/lib/auth/schemas";
import { safeReturnPath } from "@/lib/http/return-path";
import { ErrorMessage } from "@/components/shared/ErrorMessage";

type Props =
  /** The login page: go to `returnTo` once signed in. */
  | { returnTo: string; email?: never; onSignedIn?: never }
  /** Signing in again over a page (SessionExpiredDialog): stay, and say so. */
  | { returnTo?: never; email: string; onSignedIn: () => void | Promise<void> };

export function LoginForm({ returnTo, email, onSignedIn }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? SIGN_IN_FAILED);
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (result?.ok && !result.error && onSignedIn) {
      await onSignedIn();
      setPending(false);
      return;
    }
    if (result?.ok && !result.error) {
      // A full navigation, so every server component renders with the new session.
      window.location.assign(safeReturnPath(returnTo ?? "/"));
      return;
    }
    setPending(false);
    // next-auth reports our own thrown messages (throttling) verbatim, and "CredentialsSignin"
    // for an ordinary failure, which gets the one generic message.
    setError(!result?.error || result.error === "CredentialsSignin" ? SIGN_IN_FAILED : result.error);
  }

  // POST, so a form sent before the page's code has run (a fast typist, a slow network) never
  // puts the password in the address bar, the history and the server's access logs as GET would.
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <label htmlFor="email">Email</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="username"
        required
        maxLength={254}
        defaultValue={email}
        autoFocus={!email}
      />
      <label htmlFor="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={256}
        autoFocus={Boolean(email)}
      />
      <ErrorMessage message={error} standing />
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
