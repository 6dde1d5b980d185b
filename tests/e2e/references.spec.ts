import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

// The reference checks page (issue #13): an editor imports another publisher's ClaimReview file,
// sees it listed with its publisher, imports it again without duplicates, and gets every item's
// problem for a bad file (nothing written); and removes one, confirming in the page.

const claimReview = (tag: string, items: { claim: string; url: string }[]) =>
  Buffer.from(
    JSON.stringify(
      items.map((item) => ({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: item.url,
        claimReviewed: item.claim,
        datePublished: "2026-05-04",
        author: { "@type": "Organization", name: `Other Checkers ${tag}` },
        reviewRating: { "@type": "Rating", ratingValue: 1, worstRating: 1, bestRating: 5, alternateName: "False" },
        itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A senator" } },
      })),
    ),
  );

test("an editor imports reference checks idempotently and sees every problem of a bad file", async ({ pageAs }) => {
  const tag = randomUUID().slice(0, 8);
  const good = [
    { claim: `Ferry tickets ${tag} cost twice as much as in 2020`, url: `https://other.example/${tag}/1` },
    { claim: `Tram lines ${tag} were all closed last winter`, url: `https://other.example/${tag}/2` },
  ];
  const page = await pageAs("editor");
  await page.goto("/admin/references");
  const file = page.getByLabel("ClaimReview JSON-LD file (ours or another publisher's)");
  const outcome = page.getByTestId("reference-import-outcome");
  const rows = page.getByTestId("reference-list").getByRole("row").filter({ hasText: tag });

  await file.setInputFiles({ name: "checks.json", mimeType: "application/json", buffer: claimReview(tag, good) });
  await expect(outcome).toContainText("2 new, 0 updated, 0 already here (of 2)");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(`Other Checkers ${tag}`);

  await file.setInputFiles({ name: "again.json", mimeType: "application/json", buffer: claimReview(tag, good) });
  await expect(outcome).toContainText("0 new, 0 updated, 2 already here (of 2)");
  await expect(rows).toHaveCount(2);

  // A bad file: one good item beside a missing URL and a non-http one; nothing is written.
  const bad = claimReview(tag, [
    { claim: `Bridges ${tag} were rebuilt`, url: `https://other.example/${tag}/3` },
    { claim: `Roads ${tag} were repaved`, url: "" },
    { claim: `Canals ${tag} were drained`, url: "ftp://other.example/x" },
  ]);
  await file.setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: bad });
  await expect(outcome.getByRole("listitem")).toHaveCount(2);
  await expect(outcome).toContainText("Item 2");
  await expect(outcome).toContainText("Item 3");
  await page.reload();
  await expect(rows).toHaveCount(2);
});

test("an editor removes a reference check once confirmed in the page; Escape keeps it", async ({ pageAs }) => {
  const tag = randomUUID().slice(0, 8);
  const [gone, kept] = [
    { claim: `Ferry fares ${tag} doubled in a year`, url: `https://other.example/${tag}/gone` },
    { claim: `Ferry crews ${tag} went on strike twice`, url: `https://other.example/${tag}/kept` },
  ];
  const page = await pageAs("editor");
  await page.goto("/admin/references");
  await page
    .getByLabel("ClaimReview JSON-LD file (ours or another publisher's)")
    .setInputFiles({ name: "checks.json", mimeType: "application/json", buffer: claimReview(tag, [gone, kept]) });
  const rows = page.getByTestId("reference-list").getByRole("row").filter({ hasText: tag });
  await expect(rows).toHaveCount(2);

  // The question opens in the page with focus on it; Escape closes it and focus returns to the button.
  const ask = page.getByRole("button", { name: `Remove “${gone.claim}”`, exact: true });
  const question = page.getByRole("group", { name: /^Remove this reference check\?/ });
  await ask.click();
  await expect(question).toBeFocused();
  await expect(ask).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(ask).toBeFocused();
  await expect(rows).toHaveCount(2);

  // Confirmed: the button names what it removes; only that check goes, also after a reload.
  await ask.click();
  await question.getByRole("button", { name: `Yes, remove “${gone.claim}”` }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(kept.claim);
  await page.reload();
  await expect(rows).toHaveCount(1);
});
