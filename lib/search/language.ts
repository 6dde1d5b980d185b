import { z } from "zod";
import { requireActor, requireRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { parseInput } from "../validation";
import { SEARCH_LANGUAGES } from "./languages";

const languageSchema = z.object({
  language: z.enum(SEARCH_LANGUAGES, { message: `language must be one of ${SEARCH_LANGUAGES.join(", ")}` }),
});

/** The workspace's search language. Any member. */
export async function getSearchLanguage(options: { actor: Actor | null }): Promise<string> {
  const actor = requireActor(options.actor);
  return (await db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { searchLanguage: true } }))
    .searchLanguage;
}

/**
 * Sets the workspace's search language and rebuilds its search vectors in the same transaction
 * (lib/search reads them with the same configuration, so the two never disagree). Admins;
 * audited. On a very large desk the rebuild takes a while (see the benchmark's index build time).
 */
export async function setSearchLanguage(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<{ language: string }> {
  const actor = requireRole(options.actor, "ADMIN");
  const { language } = parseInput(languageSchema, options.input);
  return db.$transaction(
    async (tx) => {
      const before = await tx.workspace.findUniqueOrThrow({
        where: { id: actor.workspaceId },
        select: { searchLanguage: true },
      });
      if (before.searchLanguage === language) return { language };
      await tx.workspace.update({ where: { id: actor.workspaceId }, data: { searchLanguage: language } });
      await tx.$executeRaw`SELECT factmark_reindex_search(${actor.workspaceId})`;
      await recordAudit(tx, actor, {
        entityType: "workspace",
        entityId: actor.workspaceId,
        action: "search-language.update",
        before: { language: before.searchLanguage },
        after: { language },
      });
      return { language };
    },
    { timeout: 10 * 60 * 1000 },
  );
}
