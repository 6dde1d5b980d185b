import { defineConfig } from "@playwright/test";
import base, { e2eServer } from "./playwright.config";

// `npm run screenshots`: the README's pictures of the main pages, taken by the e2e browser against
// the e2e server (its own fresh database), so they show the app as it is built today.
export default defineConfig({
  ...base,
  workers: 1,
  webServer: e2eServer(" --screenshots"),
  projects: [
    { name: "setup", testDir: "tests/e2e", testMatch: /auth\.setup\.ts$/ },
    { name: "screenshots", testDir: "tests/screenshots", testMatch: /\.shots\.ts$/, dependencies: ["setup"] },
  ],
});
