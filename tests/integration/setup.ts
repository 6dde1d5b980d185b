import { inject } from "vitest";

// Before any test imports lib/db/client, which reads this on first use.
process.env.DATABASE_URL = inject("databaseUrl");
