import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npm run screenshots`: the README's pictures of the main pages, taken by the e2e browser against
// the e2e server (its own fresh database), so they show the app as it is built today.
export default defineConfig({
  ...base,
  workers: 1,
  projects: [
    { name: "setup", testDir: "tests/e2e", testMatch: /auth\.setup\.ts$/ },
    { name: "screenshots", testDir: "tests/screenshots", testMatch: /\.shots\.ts$/, dependencies: ["setup"] },
  ],
});
