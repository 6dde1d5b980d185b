import { listArticles } from "@/lib/articles/queries";
import { getActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";

/** GET /api/articles — the signed-in user's workspace's articles with counts. */
export const GET = jsonRoute(async () => ({ articles: await listArticles({ actor: await getActor() }) }));
