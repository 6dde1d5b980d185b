import { describe, expect, it } from "vitest";
import { shorten } from "@/lib/format";

describe("shorten", () => {
  it("keeps a text that fits and cuts a longer one to the limit, the cut marked", () => {
    expect(shorten("Ferry fares doubled", 19)).toBe("Ferry fares doubled");
    expect(shorten("Ferry fares doubled", 12)).toBe("Ferry fares…");
    expect(shorten("Ferry fares doubled", 12)).toHaveLength(12);
    expect(shorten("", 5)).toBe("");
  });

  it("never splits an emoji", () => {
    expect(shorten("Fares 👋 rose", 8)).toBe("Fares …");
    expect(shorten("Fares 👋 rose", 9)).toBe("Fares 👋…");
  });
});
