import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation } from "@/lib/annotations/annotations";
import { listVerdictChoices } from "@/lib/verdicts/queries";
import {
  addScaleOption,
  deleteScaleOption,
  listScaleOptions,
  moveScaleOption,
  setScaleOptionRetired,
  updateScaleOption,
} from "@/lib/verdicts/scale";
import { createArticle, createWorkspace } from "../support/factories";

describe("the verdict scale", () => {
  it("lets admins add, rename, recolour, re-rate, reorder, retire and delete unused options, all audited", async () => {
    const desk = await createWorkspace();
    const added = await addScaleOption({
      actor: desk.admin,
      input: { key: "half-true", label: "Half true", color: "#aa8800", rating: "4" },
    });
    expect((await listScaleOptions({ actor: desk.admin })).map((o) => o.key).at(-1)).toBe("half-true");
    await updateScaleOption({
      actor: desk.admin,
      optionId: added.id,
      input: { label: "Half-true", color: "#bb9900", rating: "" },
    });
    await moveScaleOption({ actor: desk.admin, optionId: added.id, direction: "up" });
    const keys = (await listScaleOptions({ actor: desk.admin })).map((o) => `${o.key}:${o.label}:${o.rating}`);
    expect(keys.slice(-2)).toEqual(["half-true:Half-true:null", "unverifiable:Unverifiable:null"]);

    // Retired options leave the picker but stay on their annotations; in use means no deletion.
    const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: ["Some claim here."] });
    const revision = article.revisions[0];
    await createAnnotation({
      actor: desk.reviewer,
      articleId: article.id,
      input: { revisionId: revision.id, start: 0, end: 4, quote: "Some", claim: "c", verdict: "half-true" },
    });
    await setScaleOptionRetired({ actor: desk.admin, optionId: added.id, retired: true });
    expect((await listVerdictChoices({ actor: desk.reviewer })).map((c) => c.key)).not.toContain("half-true");
    await expect(
      createAnnotation({
        actor: desk.reviewer,
        articleId: article.id,
        input: { revisionId: revision.id, start: 5, end: 10, quote: "claim", claim: "c", verdict: "half-true" },
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(deleteScaleOption({ actor: desk.admin, optionId: added.id })).rejects.toMatchObject({
      status: 409,
      message: '"Half-true" is used by 1 annotation; retire it instead',
    });
    expect((await listScaleOptions({ actor: desk.admin })).find((o) => o.key === "half-true")).toMatchObject({
      retired: true,
      inUse: 1,
    });
    await setScaleOptionRetired({ actor: desk.admin, optionId: added.id, retired: false });
    expect((await listVerdictChoices({ actor: desk.reviewer })).map((c) => c.key)).toContain("half-true");

    const unused = await addScaleOption({
      actor: desk.admin,
      input: { key: "satire", label: "Satire", color: "#123456" },
    });
    await expect(deleteScaleOption({ actor: desk.admin, optionId: unused.id })).resolves.toMatchObject({
      deleted: true,
    });
    expect(await db.auditEvent.count({ where: { workspaceId: desk.workspace.id, entityType: "verdictOption" } })).toBe(
      7,
    );
  });

  it("refuses bad input, other roles, other desks and duplicate keys; nothing changes", async () => {
    const desk = await createWorkspace();
    const other = await createWorkspace();
    const option = (await listScaleOptions({ actor: desk.admin }))[0];
    await expect(
      addScaleOption({ actor: desk.admin, input: { key: "Bad Key", label: "x", color: "#000000" } }),
    ).rejects.toMatchObject({ status: 400, message: /key: Key must be lower-case/ });
    await expect(
      addScaleOption({ actor: desk.admin, input: { key: "ok", label: "x", color: "red" } }),
    ).rejects.toMatchObject({ status: 400, message: /Colour must look like/ });
    await expect(
      addScaleOption({ actor: desk.admin, input: { key: "true", label: "Again", color: "#000000" } }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      addScaleOption({ actor: desk.editor, input: { key: "ok", label: "x", color: "#000000" } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      addScaleOption({ actor: null, input: { key: "ok", label: "x", color: "#000000" } }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(
      updateScaleOption({ actor: other.admin, optionId: option.id, input: { label: "Theirs" } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      updateScaleOption({ actor: desk.admin, optionId: option.id, input: { rating: "lots" } }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      moveScaleOption({ actor: desk.admin, optionId: option.id, direction: "sideways" }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(deleteScaleOption({ actor: desk.reviewer, optionId: option.id })).rejects.toMatchObject({
      status: 403,
    });
    await expect(listScaleOptions({ actor: desk.editor })).rejects.toMatchObject({ status: 403 });
    expect((await listScaleOptions({ actor: desk.admin })).map((o) => o.key)).toEqual([
      "true",
      "mostly-true",
      "mixed",
      "misleading",
      "mostly-false",
      "false",
      "unverifiable",
    ]);
    expect(option.label).toBe("True");
  });
});
