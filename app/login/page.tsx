import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/LoginForm";
import { safeReturnPath } from "@/lib/http/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getActor()) redirect(returnTo);
  return (
    <main className="login">
      <div className="card">
        <h1>Sign in to Factmark</h1>
        <LoginForm returnTo={returnTo} />
      </div>
    </main>
  );
}
