// The setup project: signs each stored role in once per run, over next-auth's credentials
// endpoint, and keeps the session cookie in tests/e2e/.auth/ for fixtures.ts to hand out.
// Sign-in costs an argon2 hash on the server; doing it once per role, not per test, is most of
// what made the suite fast enough for a loaded two-core machine.
import { request, test as setup } from "@playwright/test";
import { ROLES, signInOverApi, storageStateOf, type Role } from "./fixtures";

setup("sign in once per role and store the sessions", async ({ baseURL }) => {
  await Promise.all(
    (Object.entries(ROLES) as [Role, string][]).map(async ([role, email]) => {
      const client = await request.newContext({ baseURL });
      await signInOverApi(client, email);
      await client.storageState({ path: storageStateOf(role) });
      await client.dispose();
    }),
  );
});
