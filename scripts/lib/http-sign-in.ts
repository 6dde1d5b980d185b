// Signs in over HTTP as a browser would (next-auth's credentials callback) and keeps the cookies:
// for the fuzzer and the benchmarks, which drive a running server without a browser.

/** The cookie header for a signed-in session of `email` on the server at `baseUrl`. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (!session.some((c) => c.includes("session-token")))
    throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return [...cookies, ...session].join("; ");
}
