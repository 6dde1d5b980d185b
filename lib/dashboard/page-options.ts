import type { Actor } from "../auth/actor";
import { listArticleTitles } from "../articles/queries";
import { listColleagues } from "../people/members";
import { listVerdictChoices } from "../verdicts/queries";

/** What the dashboards' filter menus offer: the workspace's articles, people and verdicts. */
export async function listFilterOptions(options: { actor: Actor | null }) {
  const [articles, people, verdicts] = await Promise.all([
    listArticleTitles(options),
    listColleagues(options),
    listVerdictChoices(options),
  ]);
  return {
    articles: articles.map((a) => ({ value: a.id, label: a.title })),
    reviewers: people.map((p) => ({ value: p.id, label: p.name })),
    verdicts: verdicts.map((v) => ({ value: v.key, label: v.label })),
  };
}
