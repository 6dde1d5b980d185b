// Query normalisation for search and claim matching: pure, no I/O, unit-tested
// (tests/unit/search-terms.test.ts). Search turns a typed query into term groups for a tsquery;
// claim matching compares two claims after folding the ways newsrooms write the same fact
// differently: numbers as words or digits, "percent" / "per cent" / "%", abbreviations, the
// verbs of rising and falling, and negation, which must keep apart claims that only differ there.

/** Longest query accepted, in characters (400 beyond). */
export const MAX_QUERY_LENGTH = 500;
/** Terms of a query that reach the database; the rest are ignored (a pasted paragraph still works). */
export const MAX_TERMS = 16;

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  half: 0.5,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
  m: 1_000_000,
  bn: 1_000_000_000,
  k: 1_000,
};

/** Written-out abbreviations, matched on the original casing so "US" expands and "us" does not. */
const ABBREVIATIONS: Record<string, string> = {
  US: "united states",
  USA: "united states",
  "U.S.": "united states",
  "U.S.A.": "united states",
  America: "united states",
  UK: "united kingdom",
  "U.K.": "united kingdom",
  Britain: "united kingdom",
  EU: "european union",
  UN: "united nations",
  GDP: "gross domestic product",
  NHS: "national health service",
  WHO: "world health organization",
  CO2: "carbon dioxide",
  NATO: "north atlantic treaty organization",
  IMF: "international monetary fund",
  CEO: "chief executive",
  MP: "member of parliament",
  MPs: "members of parliament",
  GP: "general practitioner",
  GPs: "general practitioners",
  PM: "prime minister",
  govt: "government",
  gov: "government",
  yr: "year",
  yrs: "years",
  approx: "approximately",
  pct: "percent",
  km: "kilometres",
  kg: "kilograms",
};

/** Words that say the same direction of change: folded to one token, so "rose" meets "increased" and never "fell". */
const DIRECTION: Record<string, string> = {};
for (const word of [
  "rose",
  "rise",
  "rises",
  "risen",
  "rising",
  "increase",
  "increased",
  "increases",
  "increasing",
  "grew",
  "grow",
  "grows",
  "grown",
  "growing",
  "climbed",
  "climb",
  "climbs",
  "up",
  "more",
  "jumped",
  "soared",
  "doubled",
  "tripled",
  "trebled",
  "surged",
  "raise",
  "raised",
  "raises",
  "raising",
  "hike",
  "hiked",
  "high",
  "higher",
  "highest",
  "record",
])
  DIRECTION[word] = "↑";
for (const word of [
  "fell",
  "fall",
  "falls",
  "fallen",
  "falling",
  "decrease",
  "decreased",
  "decreases",
  "decreasing",
  "dropped",
  "drop",
  "drops",
  "declined",
  "decline",
  "declines",
  "shrank",
  "shrunk",
  "down",
  "lower",
  "less",
  "fewer",
  "halved",
  "plunged",
  "cut",
  "cuts",
  "slashed",
  "slash",
  "low",
  "lowest",
  "smaller",
  "shrink",
])
  DIRECTION[word] = "↓";

const NEGATIONS = new Set([
  "not",
  "no",
  "never",
  "none",
  "nobody",
  "nothing",
  "neither",
  "nor",
  "without",
  "cannot",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "dont",
  "doesnt",
  "didnt",
  "wont",
  "hasnt",
  "havent",
  "hadnt",
  "cant",
  "couldnt",
  "shouldnt",
  "wouldnt",
]);

const PERCENT = new Set(["percent", "per cent", "%", "percentage", "pc"]);

/** Function words too common to tell claims apart (English; other languages rely on their text-search configuration). */
const STOPWORDS = new Set(
  (
    "a an the of in on at to for from by with and or but as is are was were be been being it its this " +
    "that these those there their they them he she his her we our you your i me my has have had do does " +
    "did so than then such into over under about after before during per said says say will would can " +
    "could should may might must also just only very any now"
  ).split(" "),
);

/** Folds case and accents ("São" → "sao"), and typographic apostrophes to '. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .toLowerCase();
}

/** Words as a reader sees them: letters and digits, a decimal point or thousands comma inside a number, a % sign. */
function words(text: string): string[] {
  return text.match(/\d+(?:[.,]\d+)*(?:bn|m|k)(?![\p{L}\p{N}])|\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:'\p{L}+)?|%/gu) ?? [];
}

function expandAbbreviations(text: string): string {
  // Dotted forms first ("U.S." would otherwise split into letters), then whole words by exact case.
  let out = text.replace(/\b(?:U\.S\.A\.|U\.S\.|U\.K\.)/g, (match) => ` ${ABBREVIATIONS[match]} `);
  out = out.replace(/[\p{L}\p{N}]+/gu, (word) => ABBREVIATIONS[word] ?? word);
  return out;
}

/** "1,200" → 1200, "3.4" → 3.4; null for anything else. */
function parseDigits(token: string): number | null {
  if (!/^\d+(?:[.,]\d+)*$/.test(token)) return null;
  // A comma followed by exactly three digits groups thousands; otherwise it is a decimal comma.
  const normalised = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(token) ? token.replace(/,/g, "") : token.replace(",", ".");
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

const formatNumber = (value: number) => String(Number(value.toPrecision(12)));

/**
 * Reads numbers however they are written ("twelve", "twenty-five", "3.4", "1,200", "3.4 million",
 * "£2bn") into canonical digits, and the percent sign and its spellings into "percent".
 */
export function canonicalTokens(text: string): string[] {
  const tokens = words(
    fold(expandAbbreviations(text))
      .replace(/per cent/g, "percent")
      .replace(/(\d)-(?=\p{L})/gu, "$1 ")
      .replace(/(\p{L})-(\p{L})/gu, "$1 $2"),
  );
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i].replace(/'s$/, "").replace(/n't$/, "nt").replace(/'/g, "");
    if (PERCENT.has(token)) {
      out.push("percent");
      continue;
    }
    // "3.4m", "2bn", "10k": a number glued to its scale.
    const glued = /^(\d+(?:[.,]\d+)?)(m|bn|k)$/.exec(token);
    let value = glued ? parseDigits(glued[1])! * SCALES[glued[2]] : (parseDigits(token) ?? SMALL[token] ?? null);
    if (value === null) {
      out.push(token);
      continue;
    }
    // Spelled compounds ("twenty five", "three hundred") and scales after digits ("3.4 million").
    while (i + 1 < tokens.length) {
      const next = tokens[i + 1];
      if (next in SMALL && SMALL[next] < 10 && value >= 20 && value < 100 && value % 10 === 0) value += SMALL[next];
      else if (next in SCALES && next.length > 2) value *= SCALES[next];
      else break;
      i++;
    }
    token = formatNumber(value);
    out.push(token);
  }
  return out;
}

/** A light English stem: enough to meet "prices"/"price", "rates"/"rate", "checked"/"check". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let base = word;
  for (const [suffix, replacement] of [
    ["ies", "y"],
    ["ied", "y"],
    ["sses", "ss"],
    ["ing", ""],
    ["ed", ""],
    ["es", ""],
    ["s", ""],
    ["ly", ""],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !(suffix === "s" && word.endsWith("ss"))) {
      base = word.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  // A final e goes too, so "cause", "causes" and "caused" meet at "caus".
  return base.length > 4 && base.endsWith("e") ? base.slice(0, -1) : base;
}

export type ClaimFeatures = {
  /** Stemmed content words, numbers and direction tokens. */
  tokens: Set<string>;
  /** Numbers in canonical digits. */
  numbers: Set<string>;
  /** Directions of change mentioned (↑, ↓). */
  directions: Set<string>;
  negated: boolean;
};

/** What claim matching compares. */
export function claimFeatures(text: string): ClaimFeatures {
  const tokens = new Set<string>();
  const numbers = new Set<string>();
  const directions = new Set<string>();
  let negations = 0;
  for (const token of canonicalTokens(text)) {
    if (NEGATIONS.has(token)) {
      negations++;
      continue;
    }
    if (DIRECTION[token]) {
      directions.add(DIRECTION[token]);
      continue;
    }
    if (/^\d/.test(token)) {
      numbers.add(token);
      tokens.add(token);
      continue;
    }
    if (STOPWORDS.has(token) || token.length < 2) continue;
    tokens.add(stem(token));
  }
  return { tokens, numbers, directions, negated: negations % 2 === 1 };
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * How alike two claims are, 0–1: the overlap of their content words (Dice), pulled down hard when
 * they state different numbers, opposite directions or opposite polarity, because "rose 3%" and
 * "rose 5%", or "is" and "is not", are different claims however many words they share.
 */
export function claimSimilarity(a: ClaimFeatures, b: ClaimFeatures): number {
  if (a.tokens.size === 0 || b.tokens.size === 0) return 0;
  let shared = 0;
  for (const token of a.tokens) if (b.tokens.has(token)) shared++;
  let score = (2 * shared) / (a.tokens.size + b.tokens.size);
  if (a.numbers.size > 0 && b.numbers.size > 0 && !sameSet(a.numbers, b.numbers)) score *= 0.35;
  else if (a.numbers.size !== b.numbers.size) score *= 0.8;
  if (a.directions.size > 0 && b.directions.size > 0 && !sameSet(a.directions, b.directions)) score *= 0.35;
  if (a.negated !== b.negated) score *= 0.35;
  return score;
}

/** Matches at or above this score are suggested ("Checked before"); tuned on tests/fixtures/claim-pairs.json. */
export const SUGGESTION_THRESHOLD = 0.5;

/**
 * A query's search terms: each a group of spellings any of which may match ("12" also looks for
 * "twelve", "US" for "united states"). Characters that mean something to tsquery never get
 * through: terms are letters, digits and inner dots only.
 */
export function searchTerms(query: string, options: { english?: boolean } = {}): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const raw of words(fold(query))) {
    if (raw === "%") continue;
    const term = raw.replace(/'/g, "");
    // Single letters ("U.S." read as u, s; a possessive's s) would prefix-match half the index.
    if (!/^[\p{L}\p{N}]+(?:[.,][\p{L}\p{N}]+)*$/u.test(term) || (term.length < 2 && !/\d/.test(term)) || seen.has(term))
      continue;
    if (options.english && STOPWORDS.has(term)) continue;
    seen.add(term);
    const digits = canonicalTokens(term)[0];
    // "3,400" is one number to a reader but two tokens to the text parser: look for its digits.
    const group = term.includes(",") && digits ? [digits] : [term];
    if (digits && !group.includes(digits) && /^\d/.test(digits)) group.push(digits);
    const spelled = Object.entries(SMALL).find(([, value]) => formatNumber(value) === term)?.[0];
    if (spelled) group.push(spelled);
    groups.push(group);
    if (groups.length === MAX_TERMS) break;
  }
  return groups;
}

/** Past this many groups, tsqueryText asks for any one of them (spelling out the subsets would explode). */
const MAX_SPELLED_GROUPS = 8;

/**
 * The tsquery text for `groups` matching at least `atLeast` of them, each as a prefix (so
 * "unemploy" finds "unemployment"). Every subset of that size is spelled out: GIN evaluates the
 * expression per row over one posting list per term, so the expression's size costs little.
 */
export function tsqueryText(groups: string[][], atLeast: number): string {
  if (groups.length === 0) return "";
  // Words match as prefixes; numbers exactly ("12" must not find 120).
  const group = (g: string[]) =>
    `(${g.map((t) => (/^\d/.test(t) || t.length < 3 ? `'${t}'` : `'${t}':*`)).join(" | ")})`;
  const k = Math.max(1, Math.min(atLeast, groups.length));
  if (k === 1 || groups.length > MAX_SPELLED_GROUPS) return groups.map(group).join(" | ");
  const clauses: string[] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === k) {
      clauses.push(`(${chosen.map((i) => group(groups[i])).join(" & ")})`);
      return;
    }
    for (let i = from; i <= groups.length - (k - chosen.length); i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return clauses.join(" | ");
}

/**
 * Search terms for finding candidate claims: the query's own words plus, for each abbreviation,
 * its other spelling ("GDP" also looks for "gross domestic product" and the reverse), since
 * stored text is indexed as written.
 */
export function matchTerms(text: string, options: { english?: boolean } = {}): string[][] {
  const groups = searchTerms(text, options);
  const folded = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  const extra: string[][] = [];
  for (const [short, long] of Object.entries(ABBREVIATIONS)) {
    const shortWord = short.replace(/\./g, "").toLowerCase();
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${short.replace(/\./g, "\\.")}(?![\\p{L}\\p{N}])`, "u").test(text))
      extra.push(...long.split(" ").map((w) => [w]));
    else if (folded.includes(` ${long} `) && /^[\p{L}\p{N}]+$/u.test(shortWord)) extra.push([shortWord]);
  }
  const seen = new Set(groups.flat());
  for (const group of extra) {
    if (seen.has(group[0]) || groups.length >= MAX_TERMS * 2) continue;
    seen.add(group[0]);
    groups.push(group);
  }
  return groups;
}

export type MatchMode = "search" | "similar";

/** Lexemes at least this common among annotations are too common to require (they still rank). */
export const COMMON_TERM_SHARE = 0.02;
/**
 * Lexemes in at least this share of annotations are left out of what GIN is asked when every word
 * is common (chooseMatch `index`); rows are still checked for them, so at most one in two read is dropped.
 */
export const UBIQUITOUS_SHARE = 0.5;
/** Below this many annotations in all, no term is treated as common: a small table's statistics say little. */
export const PRUNE_FROM_ROWS = 50_000;

/**
 * Which of a query's term groups rows must match, and how many of them, given how common each is
 * (`shares`: group index → share of annotations; a group missing there is only stop words and is
 * dropped). Search needs all rare words but one (a word found nowhere hides nothing), claim
 * matching two of them (or half, when fewer; the scorer judges the candidates). Common words only rank,
 * unless every word is common: then search needs all of them and matching all but one (GIN then
 * reads only the rarest lists). With a single
 * uncommon word, search requires it and falls back to all the common ones when it finds nothing
 * (`fallback`). All the groups rank. Pure, unit-tested.
 */
export function chooseMatch(
  groups: string[][],
  shares: Map<number, number>,
  rows: number,
  mode: MatchMode,
): { match: string; rank: string; fallback?: string; index?: string } {
  const kept = groups
    .map((g, i) => ({ g, share: shares.get(i) }))
    .filter((x): x is { g: string[]; share: number } => x.share !== undefined);
  if (kept.length === 0) return { match: "", rank: "" };
  const rank = tsqueryText(
    kept.map((x) => x.g),
    1,
  );
  const pruning = rows >= PRUNE_FROM_ROWS;
  const rare = kept.filter((x) => !pruning || x.share < COMMON_TERM_SHARE).map((x) => x.g);
  const common = kept.filter((x) => pruning && x.share >= COMMON_TERM_SHARE).map((x) => x.g);
  if (mode === "similar") {
    // Only common words: all but one of them, so the index can start from the rarest lists.
    const allButOne = tsqueryText(
      kept.map((x) => x.g),
      Math.max(1, kept.length - 1),
    );
    if (!rare.length) return { match: allButOne, rank };
    // One uncommon word (often a figure written another way): it, and when that finds nothing close, all the words but one.
    if (rare.length === 1) return { match: tsqueryText(rare, 1), rank, fallback: allButOne };
    // Two uncommon words in common are enough for a candidate: restatements swap the rest.
    return { match: tsqueryText(rare, Math.min(2, Math.ceil(rare.length / 2))), rank };
  }
  if (rare.length === 0) {
    // Words in most rows ("since", "in") filter little but cost GIN a bitmap of most of the table
    // per lookup: the index is asked for the others, and each row checked for all (`index`).
    const everywhere = kept.filter((x) => pruning && x.share >= UBIQUITOUS_SHARE);
    const dropped = everywhere.reduce((product, x) => product * x.share, 1);
    const match = tsqueryText(common, common.length);
    // `index` must hold every row `match` holds: only so when `match` is all of the words.
    if (common.length > MAX_SPELLED_GROUPS) return { match, rank };
    if (!everywhere.length || everywhere.length === kept.length || dropped < UBIQUITOUS_SHARE) return { match, rank };
    const rest = kept.filter((x) => !everywhere.includes(x)).map((x) => x.g);
    return { match, rank, index: tsqueryText(rest, rest.length) };
  }
  if (rare.length === 1 && common.length > 0) {
    // All words but one: the uncommon word; when it is found nowhere, every common one without it.
    return { match: tsqueryText(rare, 1), rank, fallback: tsqueryText(common, common.length) };
  }
  return { match: tsqueryText(rare, Math.max(1, rare.length - 1)), rank };
}

/**
 * What the statistics say about how many annotations search's match (chooseMatch, "search" mode)
 * can return, as shares of the table: an upper bound (the rarest word all rows must hold; for "all
 * rare words but one", the two rarest together), and whether it is one word. Also for the fallback.
 * Null on a small desk, whose statistics say little. lib/search/plan.ts chooses how a search reads
 * its matches from it (how far the first read goes, or walking the months at once). Pure, unit-tested.
 */
export function matchReach(
  groups: string[][],
  shares: Map<number, number>,
  rows: number,
): { match: Reach; fallback?: Reach } | null {
  if (rows < PRUNE_FROM_ROWS) return null;
  const kept = groups.map((_, i) => shares.get(i)).filter((s): s is number => s !== undefined);
  const rare = kept.filter((s) => s < COMMON_TERM_SHARE).sort((a, b) => a - b);
  const common = kept.filter((s) => s >= COMMON_TERM_SHARE);
  // Past MAX_SPELLED_GROUPS words tsqueryText asks for any one of them: their shares add up.
  const total = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const anyOf = (list: number[]): Reach => ({ share: Math.min(1, total(list)), single: false });
  const all = (list: number[]): Reach =>
    list.length > MAX_SPELLED_GROUPS ? anyOf(list) : { share: Math.min(...list), single: list.length === 1 };
  if (kept.length === 0) return null;
  if (rare.length === 0) return { match: all(common) };
  if (rare.length === 1)
    return { match: { share: rare[0], single: true }, ...(common.length ? { fallback: all(common) } : {}) };
  if (rare.length > MAX_SPELLED_GROUPS) return { match: anyOf(rare) };
  return { match: { share: Math.min(1, rare[0] + rare[1]), single: false } };
}

/** An upper bound on the share of annotations a tsquery matches, and whether it is one word (see matchReach). */
export type Reach = { share: number; single: boolean };
