// The XSS desk: a workspace of its own whose every user-set field holds a script payload
// (tests/e2e/xss-payloads.ts), with enough work in it that every page has something to show:
// an article per body format with a second revision, annotations in each review state, a
// disagreement between two reviewers, sources, a note thread, a review comment, a correction,
// a custom verdict and a token. Seeded straight into the database so the pass costs no clicks;
// the bodies go through the app's own parser, as a pasted article would.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/db/create-client";
import { parseArticleBody, type BodyFormat } from "../../lib/articles/body/parse";
import { anchorFor } from "../../lib/anchoring/anchor";
import { textHash } from "../../lib/articles/text-hash";
import { DEFAULT_VERDICT_OPTIONS } from "../../lib/verdicts/default-scale";
import { XSS } from "./xss-payloads";
import { XSS_ADMIN } from "./seeded";

export async function seedXssDesk(db: PrismaClient, passwordHash: string) {
  const workspace = await db.workspace.create({
    data: {
      slug: "xss-desk",
      name: XSS.workspace,
      verdictScale: {
        create: {
          name: XSS.scale,
          options: {
            create: [
              ...DEFAULT_VERDICT_OPTIONS.map((o, i) => ({ ...o, position: i })),
              {
                key: XSS.verdict.key,
                label: XSS.verdict.label,
                description: XSS.verdict.description,
                color: "#7a3e9d",
                position: DEFAULT_VERDICT_OPTIONS.length,
              },
            ],
          },
        },
      },
    },
    include: { verdictScale: { include: { options: true } } },
  });
  const option = (key: string) => workspace.verdictScale!.options.find((o) => o.key === key)!.id;
  const person = (email: string, name: string, role: "ADMIN" | "EDITOR" | "REVIEWER") =>
    db.user.create({
      data: { email, name, passwordHash, memberships: { create: { workspaceId: workspace.id, role } } },
    });
  const admin = await person(XSS_ADMIN, XSS.people.admin, "ADMIN");
  const editor = await person("xss-editor@example.com", XSS.people.editor, "EDITOR");
  const reviewer = await person("xss-reviewer@example.com", XSS.people.reviewer, "REVIEWER");
  const reviewer2 = await person("xss-reviewer2@example.com", XSS.people.reviewer2, "REVIEWER");

  await db.apiToken.create({
    data: {
      workspaceId: workspace.id,
      name: XSS.token,
      tokenHash: createHash("sha256").update("xss-desk-token").digest("hex"),
      prefix: "fmk_xssdesk",
      createdById: admin.id,
    },
  });

  const articles: { id: string; format: BodyFormat }[] = [];
  for (const format of ["text", "markdown", "html"] as const) {
    const first = parseArticleBody(format, XSS.bodies[format]);
    // A second revision, so the revision list and diff show the payloads too.
    const second = parseArticleBody(
      format,
      `${XSS.bodies[format]}${format === "html" ? "<p>Added in revision 2.</p>" : "\n\nAdded in revision 2."}`,
    );
    const article = await db.article.create({
      data: {
        workspaceId: workspace.id,
        title: `${XSS.article.title} (${format})`,
        outlet: XSS.article.outlet,
        author: XSS.article.author,
        section: XSS.article.section,
        sourceUrl: XSS.source.url,
        publishedAt: new Date("2026-11-01"),
        createdById: editor.id,
        revisions: {
          create: [
            { number: 1, body: first.value, text: first.text, textHash: textHash(first.text), createdById: editor.id },
            {
              number: 2,
              body: second.value,
              text: second.text,
              textHash: textHash(second.text),
              createdById: editor.id,
            },
          ],
        },
      },
      include: { revisions: { orderBy: { number: "desc" } } },
    });
    articles.push({ id: article.id, format });
    const current = article.revisions[0];
    const start = current.text.indexOf(XSS.quote);
    const anchor = anchorFor(current.text, start, start + XSS.quote.length);
    const on = { workspaceId: workspace.id, articleId: article.id, revisionId: current.id, ...anchor };

    // The admin's own check, sent back with a comment (my work, history, review status).
    const sentBack = await db.annotation.create({
      data: {
        ...on,
        claim: XSS.annotation.claim,
        claimant: XSS.annotation.claimant,
        rationale: XSS.annotation.rationale,
        importedAuthor: XSS.annotation.importedAuthor,
        verdictOptionId: option(XSS.verdict.key),
        status: "CHANGES_REQUESTED",
        authorId: admin.id,
        submittedAt: new Date(),
        sources: {
          create: {
            url: XSS.source.url,
            title: XSS.source.title,
            publisher: XSS.source.publisher,
            excerpt: XSS.source.excerpt,
            archiveUrl: XSS.source.archiveUrl,
            kind: "NEWS",
          },
        },
        reviews: {
          create: {
            editorId: editor.id,
            fromStatus: "SUBMITTED",
            toStatus: "CHANGES_REQUESTED",
            comment: XSS.reviewComment,
          },
        },
      },
    });
    const note = await db.note.create({ data: { annotationId: sentBack.id, authorId: reviewer.id, body: XSS.note } });
    await db.note.create({
      data: {
        annotationId: sentBack.id,
        authorId: editor.id,
        parentId: note.id,
        body: XSS.reply,
        importedAuthor: XSS.annotation.importedAuthor,
      },
    });

    // Two reviewers disagree on the same span (agreement page) and wait in the review queue.
    for (const [author, claim, verdict] of [
      [reviewer, XSS.secondClaim, "true"],
      [reviewer2, XSS.thirdClaim, "false"],
    ] as const) {
      await db.annotation.create({
        data: {
          ...on,
          claim,
          claimant: XSS.annotation.claimant,
          verdictOptionId: option(verdict),
          status: "SUBMITTED",
          submittedAt: new Date(),
          authorId: author.id,
        },
      });
    }

    // A published check and its correction draft, whose note is shown beside it.
    const published = await db.annotation.create({
      data: {
        ...on,
        claim: `${XSS.annotation.claim} (published)`,
        verdictOptionId: option(XSS.verdict.key),
        status: "PUBLISHED",
        authorId: reviewer.id,
        submittedAt: new Date(),
        approvedAt: new Date(),
      },
    });
    await db.annotation.create({
      data: {
        ...on,
        claim: `${XSS.annotation.claim} (correction)`,
        verdictOptionId: option("false"),
        correctsId: published.id,
        correctionNote: XSS.annotation.correctionNote,
        authorId: editor.id,
      },
    });
  }
  return { workspace, articles };
}
