// The app under test: a fresh migrated database with the demo desk and a second workspace,
// served by scripts/serve.ts from the production build. Playwright starts and stops it.
import { createHash, randomBytes } from "node:crypto";
import { createScratchDatabase } from "../../scripts/lib/scratch-database";
import { startNextServer } from "../../scripts/lib/next-server";
import { createPrismaClient } from "../../lib/db/create-client";
import { hashPassword } from "../../lib/auth/password";
import { paragraphsToValue } from "../../lib/articles/slate-value";
import { canonicalText } from "../../lib/anchoring/canonical-text";
import { textHash } from "../../lib/articles/text-hash";
import { DEMO_PASSWORD, seedDemoWorkspace } from "../../prisma/seed";
import { DASHBOARD_EDITOR, seedDashboardFixture } from "../support/dashboard-fixture";
import { seedXssDesk } from "./xss-desk";
import { DEFAULT_VERDICT_OPTIONS } from "../../lib/verdicts/default-scale";
import {
  API_ARTICLE_TITLE,
  E2E_PORT,
  E2E_SECOND_PORT,
  IMPORT_ARTICLE_PARAGRAPHS,
  IMPORT_ARTICLE_TITLE,
  MATRIX_DEACTIVATED_USER,
  MATRIX_REVOKED_USER,
  MATRIX_TOKEN,
  OTHER_DESK_USER,
  REVOCATION_USER,
  SCALE_ADMIN,
  TWO_DESKS_USER,
} from "./seeded";

const database = await createScratchDatabase("e2e", 54330);
const db = createPrismaClient(database.url);
await seedDemoWorkspace(db);
// One argon2 hash for everyone who shares the demo password: each costs a noticeable share of a core.
const passwordHash = await hashPassword(DEMO_PASSWORD);
const demoDesk = await db.workspace.findUniqueOrThrow({ where: { slug: "demo-desk" } });
// Callers of the authorization matrix (tests/e2e/authorization.spec.ts) that no other test uses.
for (const email of [MATRIX_DEACTIVATED_USER, MATRIX_REVOKED_USER]) {
  await db.user.create({
    data: {
      email,
      name: email.split("@")[0],
      passwordHash,
      memberships: { create: { workspaceId: demoDesk.id, role: "REVIEWER" } },
    },
  });
}
await db.apiToken.create({
  data: {
    workspaceId: demoDesk.id,
    name: "Matrix partner",
    tokenHash: createHash("sha256").update(MATRIX_TOKEN).digest("hex"),
    prefix: MATRIX_TOKEN.slice(0, 10),
  },
});
// The demo desk's two wire-copy articles are for the API and import tests; the README's
// screenshots (`--screenshots`, playwright.screenshots.config.ts) show the desk without them.
if (!process.argv.includes("--screenshots")) {
  const wire = paragraphsToValue([
    "Sanders blamed “scheduling conflicts on both sides” for the cancelled meeting.",
    "A second paragraph.",
  ]);
  await db.article.create({
    data: {
      workspaceId: demoDesk.id,
      title: API_ARTICLE_TITLE,
      revisions: {
        create: { number: 1, body: wire, text: canonicalText(wire), textHash: textHash(canonicalText(wire)) },
      },
    },
  });
  const importTarget = paragraphsToValue(IMPORT_ARTICLE_PARAGRAPHS);
  await db.article.create({
    data: {
      workspaceId: demoDesk.id,
      title: IMPORT_ARTICLE_TITLE,
      revisions: {
        create: {
          number: 1,
          body: importTarget,
          text: canonicalText(importTarget),
          textHash: textHash(canonicalText(importTarget)),
        },
      },
    },
  });
}
const body = paragraphsToValue(["Only the other desk can read this."]);
const text = canonicalText(body);
await db.workspace.create({
  data: {
    slug: "other-desk",
    name: "Other desk",
    memberships: {
      create: [
        { role: "ADMIN", user: { create: { email: OTHER_DESK_USER, name: "Olive Other", passwordHash } } },
        // Only the session-revocation tests sign in as this one, so ending its sessions disturbs no other test.
        { role: "REVIEWER", user: { create: { email: REVOCATION_USER, name: "Rita Revoked", passwordHash } } },
      ],
    },
    articles: {
      create: {
        title: "Other desk article",
        revisions: { create: { number: 1, body, text, textHash: textHash(text) } },
      },
    },
  },
});
// Someone on both desks, for the workspace switcher (tests/e2e/workspace-switcher.spec.ts).
const otherDesk = await db.workspace.findUniqueOrThrow({ where: { slug: "other-desk" } });
await db.user.create({
  data: {
    email: TWO_DESKS_USER,
    name: "Tess Two-Desks",
    passwordHash,
    memberships: {
      create: [
        { workspaceId: demoDesk.id, role: "REVIEWER" },
        { workspaceId: otherDesk.id, role: "EDITOR" },
      ],
    },
  },
});
// A desk whose verdict scale the reordering test may change (tests/e2e/scale-order.spec.ts).
await db.workspace.create({
  data: {
    slug: "scale-desk",
    name: "Scale desk",
    verdictScale: {
      create: { name: "Default", options: { create: DEFAULT_VERDICT_OPTIONS.map((o, i) => ({ ...o, position: i })) } },
    },
    memberships: {
      create: { role: "ADMIN", user: { create: { email: SCALE_ADMIN, name: "Sam Scale", passwordHash } } },
    },
  },
});
// The dashboard desk: a fixture of known composition (tests/support/dashboard-fixture.ts).
await seedDashboardFixture(db, { editorEmail: DASHBOARD_EDITOR, passwordHash });
// The XSS desk: script payloads in every field a user can set (tests/e2e/xss.spec.ts).
await seedXssDesk(db, passwordHash);
await db.$disconnect();

// Two instances share the database and the session secret, as behind a load balancer (#12).
const shared = { databaseUrl: database.url, env: { NEXTAUTH_SECRET: randomBytes(32).toString("base64url") } };
const [server, second] = await Promise.all([
  startNextServer({ port: E2E_PORT, ...shared }),
  startNextServer({ port: E2E_SECOND_PORT, ...shared }),
]);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.all([server.stop(), second.stop()]);
  await database.dispose();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
