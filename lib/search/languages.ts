// Pure, so the settings form can list them without reaching the database.

/** PostgreSQL's built-in text-search configurations: `simple` (no stemming, no stop words: any language) and the stemmed languages. */
export const SEARCH_LANGUAGES = ["simple", "arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "finnish", "french", "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian", "lithuanian", "nepali", "norwegian", "portuguese", "romanian", "russian", "serbian", "spanish", "swedish", "tamil", "turkish", "yiddish"] as const;
