import { describe, expect, it } from "vitest";
import { nextStatuses, transitionRefusal, TRANSITIONS } from "@/lib/reviews/transitions";
import type { AnnotationStatus } from "@/lib/db/generated/enums";

const STATUSES = Object.keys(TRANSITIONS) as AnnotationStatus[];
const author = { role: "REVIEWER" as const, isAuthor: true };
const otherReviewer = { role: "REVIEWER" as const, isAuthor: false };
const editor = { role: "EDITOR" as const, isAuthor: false };
const admin = { role: "ADMIN" as const, isAuthor: false };

describe("review transitions", () => {
  it("allow exactly the workflow's moves, each for the right people", () => {
    const allowed: string[] = [];
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        for (const [who, actor] of Object.entries({ author, otherReviewer, editor, admin })) {
          if (transitionRefusal(from, to, actor, "a comment") === null) allowed.push(`${from}→${to} by ${who}`);
        }
      }
    }
    expect(allowed.sort()).toEqual(
      [
        "DRAFT→SUBMITTED by author",
        "CHANGES_REQUESTED→SUBMITTED by author",
        "SUBMITTED→APPROVED by editor",
        "SUBMITTED→APPROVED by admin",
        "SUBMITTED→CHANGES_REQUESTED by editor",
        "SUBMITTED→CHANGES_REQUESTED by admin",
        "APPROVED→PUBLISHED by editor",
        "APPROVED→PUBLISHED by admin",
        "APPROVED→CHANGES_REQUESTED by editor",
        "APPROVED→CHANGES_REQUESTED by admin",
      ].sort(),
    );
  });

  it("say why a move is refused: 409 for the status, 403 for the role, 400 for a missing comment", () => {
    expect(transitionRefusal("DRAFT", "APPROVED", editor, null)).toEqual({
      code: "CONFLICT",
      message: "A draft annotation cannot become approved; it can become submitted",
    });
    expect(transitionRefusal("PUBLISHED", "DRAFT", admin, null)).toEqual({
      code: "CONFLICT",
      message: "A published annotation cannot become draft: it is final",
    });
    expect(transitionRefusal("SUBMITTED", "APPROVED", author, null)).toEqual({
      code: "FORBIDDEN",
      message: "Only editors and admins make an annotation approved",
    });
    expect(transitionRefusal("DRAFT", "SUBMITTED", editor, null)).toEqual({
      code: "FORBIDDEN",
      message: "Only the author submits an annotation for review",
    });
    expect(transitionRefusal("SUBMITTED", "CHANGES_REQUESTED", editor, null)).toEqual({
      code: "BAD_REQUEST",
      message: "comment: say what needs to change",
    });
  });

  it("offer the UI only the moves the viewer may make", () => {
    expect(nextStatuses("DRAFT", author)).toEqual(["SUBMITTED"]);
    expect(nextStatuses("SUBMITTED", author)).toEqual([]);
    expect(nextStatuses("SUBMITTED", editor)).toEqual(["APPROVED", "CHANGES_REQUESTED"]);
    expect(nextStatuses("APPROVED", admin)).toEqual(["PUBLISHED", "CHANGES_REQUESTED"]);
    expect(nextStatuses("PUBLISHED", admin)).toEqual([]);
  });
});

describe("article status", () => {
  it("is derived from the annotations' review statuses", async () => {
    const { articleStatus } = await import("@/lib/articles/status");
    expect(articleStatus({})).toBe("NOT_STARTED");
    expect(articleStatus({ APPROVED: 0 })).toBe("NOT_STARTED");
    expect(articleStatus({ DRAFT: 1, APPROVED: 3 })).toBe("IN_PROGRESS");
    expect(articleStatus({ CHANGES_REQUESTED: 1, SUBMITTED: 2 })).toBe("IN_PROGRESS");
    expect(articleStatus({ SUBMITTED: 1, PUBLISHED: 5 })).toBe("IN_REVIEW");
    expect(articleStatus({ APPROVED: 2, PUBLISHED: 1 })).toBe("DONE");
  });
});
