import next from "eslint-config-next";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  { ignores: ["tests/w3c-annotation-model/**", "lib/db/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**"] },
  ...next,
  ...nextTypeScript,
  {
    rules: {
      // Only lib/ talks to the database (DESIGN.md).
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/lib/db/client", "@/lib/db/client"], message: "Only lib/ imports the database client." }] },
      ],
    },
  },
  // Tests read the database directly to prove what a call changed (or did not).
  { files: ["lib/**", "tests/**"], rules: { "no-restricted-imports": "off" } },
  // Specs take test and expect from fixtures.ts, whose page fixtures fail a test on a CSP violation.
  {
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", message: "Import test and expect from ./fixtures: its pages fail the test on CSP violations, page errors and dialogs." }] },
      ],
    },
  },
];

export default config;
