import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/LoginForm";

export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths: an absolute URL here would make the login page an open redirect. */
function safeReturnPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/articles";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
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
