import { readFile } from "node:fs/promises";
import { Interactive } from "./Interactive";

// Rendered per request, as the article page is (its CSP nonce is fresh each time).
export const dynamic = "force-dynamic";

/**
 * The article's text as server-rendered paragraphs inside one client component that marks the
 * page interactive once it has hydrated: Next.js's runtime, React's hydration and the article's
 * text in the flight data, and nothing of Factmark's (no session, no Slate, no panel).
 */
export default async function FloorPage() {
  const paragraphs = JSON.parse(await readFile(process.env.FLOOR_ARTICLE, "utf8"));
  return (
    <main>
      <Interactive>
        <div data-slate-editor="true">
          {paragraphs.map((text, i) => (
            <p key={i} data-slate-node="element">
              {text}
            </p>
          ))}
        </div>
      </Interactive>
    </main>
  );
}
