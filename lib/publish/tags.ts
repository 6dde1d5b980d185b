/** Cache tags of the public pages (lib/publish/cache.ts); pure, so lib can name them without Next. */
export const PUBLIC_TAG = "public";
/** The feed and the sitemap: every publication changes them. */
export const LIST_TAG = "public:lists";
export const checkTag = (annotationId: string) => `public:check:${annotationId}`;
export const articleTag = (articleId: string) => `public:article:${articleId}`;
