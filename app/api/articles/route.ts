import { listArticles } from "@/lib/articles/queries";
import { getReadActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";

/** GET /api/articles — the signed-in user's workspace's articles with counts. */
export const GET = jsonRoute(async (request) => ({ articles: await listArticles({ actor: await getReadActor(request) }) }));
