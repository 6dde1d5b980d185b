import { cachedPublicArticle } from "@/lib/publish/cache";
import { articlePage } from "@/lib/publish/render/article-page";
import { notFoundPage } from "@/lib/publish/render/check-page";
import { HTML, publicResponse, publicUrlsFor } from "@/lib/publish/respond";

/** GET /read/:articleId — the article as plain HTML with its published checks highlighted; 404 unless it has one. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const urls = publicUrlsFor(request);
  const article = await cachedPublicArticle((await params).id);
  if (!article) return publicResponse(notFoundPage(urls), HTML, 404);
  return publicResponse(articlePage(article, urls), HTML);
}
