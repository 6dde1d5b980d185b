import { describe, expect, it } from "vitest";
import { textHash } from "@/lib/articles/text-hash";

describe("textHash", () => {
  it("is the SHA-256 of the UTF-8 text", () => {
    expect(textHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(textHash("é")).not.toBe(textHash("e\u0301"));
  });
});
