// The search benchmark's first pages (bench/search-worker.ts, bench/search-cpu.ts).
// What a desk types: single words, names of places, two or three words, a figure, a typo, an
// empty box (recent work), a filter, a word that matches nothing beside one that does.
export const QUERIES: Record<string, string>[] = [
  { q: "unemployment" },
  { q: "knife crime" },
  { q: "house prices london" },
  { q: "rents doubled manchester" },
  { q: "12.5 percent" },
  { q: "inflaton" },
  { q: "" },
  { q: "fuel duty", verdict: "false" },
  { q: "homelessness zanzibar" },
  { q: "teacher numbers fell in wales since 2012" },
  { q: "broadband", type: "annotation", status: "PUBLISHED" },
  { q: "energy" },
];
