import { describe, expect, it } from "vitest";
import { findMentions } from "@/lib/notifications/mentions";
import { mentionQuery } from "@/components/annotate/MentionTextarea";

const members = [
  { id: "1", name: "Rob" },
  { id: "2", name: "Rob Reviewer" },
  { id: "3", name: "Ada Admin" },
];

describe("mentions", () => {
  it("finds members by @full name, longest first, case-insensitive, not inside a longer word", () => {
    expect(findMentions("Thanks @rob reviewer and @Ada Admin!", members).map((m) => m.id)).toEqual(["2", "3"]);
    expect(findMentions("@Rob, see this", members).map((m) => m.id)).toEqual(["1"]);
    expect(findMentions("@Robert is not Rob; mail rob@Ada Adminx", members)).toEqual([]);
    expect(findMentions("no mention here", members)).toEqual([]);
  });

  it("reads the partial name being typed after @ at the caret", () => {
    expect(mentionQuery("Hi @Rob R", 9)).toEqual({ start: 3, query: "Rob R" });
    expect(mentionQuery("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQuery("mail a@b", 8)).toBeNull();
    expect(mentionQuery("Hi @Rob\nnext", 12)).toBeNull();
  });
});
