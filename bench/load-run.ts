// `npm run bench:load`: only the load benchmark (bench/load.ts), written to bench-results/load.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { benchLoad, loadOptionsFromEnv } from "./load";

const result = await benchLoad(loadOptionsFromEnv());
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/load.json", JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2));
console.log("\nWritten to bench-results/load.json");
