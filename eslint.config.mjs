import next from "eslint-config-next";
import nextTypeScript from "eslint-config-next/typescript";
import { builtinModules } from "node:module";

const config = [
  {
    ignores: [
      "tests/w3c-annotation-model/**",
      "lib/db/generated/**",
      "**/.next/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...next,
  ...nextTypeScript,
  {
    rules: {
      // Prettier wraps code at 120 columns but leaves long strings, templates and comments alone: those
      // stop at 160 (#16). Only a line holding a URL may run longer, since a URL cannot be broken.
      // (scripts/check-line-length.ts holds the SQL routines and CSS to the same limit.)
      "max-len": ["error", { code: 160, tabWidth: 2, ignoreUrls: true }],
      // Only lib/ talks to the database (DESIGN.md).
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/lib/db/client", "@/lib/db/client"], message: "Only lib/ imports the database client." },
          ],
        },
      ],
    },
  },
  // Tests read the database directly to prove what a call changed (or did not).
  { files: ["lib/**", "tests/**"], rules: { "no-restricted-imports": "off" } },
  // Anchoring runs in the browser (the article editor) as well as on the server. Keep it self-contained:
  // a Node built-in here once put a 458 KB crypto polyfill in the article page's bundle (#15, #16).
  // Type-only imports are erased at build time, so they may still name types from elsewhere.
  {
    files: ["lib/anchoring/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({ name, message: "lib/anchoring is client code: no Node built-ins." })),
          patterns: [
            { regex: "^node:", message: "lib/anchoring is client code: no Node built-ins.", allowTypeImports: true },
            {
              group: ["../**", "@/**"],
              message: "lib/anchoring imports nothing of ours outside lib/anchoring (types excepted).",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  // Components are client or server UI; the database stays behind lib/ (DESIGN.md, #16). Types are erased, so allowed.
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/lib/db", "**/lib/db/**", "@/lib/db", "@/lib/db/**"],
              message: "Components never import lib/db, not even its types; go through lib/.",
            },
          ],
        },
      ],
    },
  },
  // Specs take test and expect from fixtures.ts, whose page fixtures fail a test on a CSP violation.
  {
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              message:
                "Import test and expect from ./fixtures: its pages fail the test on CSP violations, page errors and dialogs.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
