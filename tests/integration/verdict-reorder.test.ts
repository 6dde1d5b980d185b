import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getScaleVersion, reorderScaleOptions } from "@/lib/verdicts/reorder";
import { addScaleOption } from "@/lib/verdicts/scale";
import { createWorkspace } from "../support/factories";

// Reordering the verdict scale by drag or keyboard (#16): the whole order at once, version-checked.

async function state(workspaceId: string) {
  const scale = await db.verdictScale.findUniqueOrThrow({
    where: { workspaceId },
    include: { options: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  const audit = await db.auditEvent.count({ where: { workspaceId, entityType: "verdictScale" } });
  return { version: scale.version, order: scale.options.map((o) => o.id), audit };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "success",
    (error: { code?: string }) => error.code ?? String(error),
  );

describe("reorderScaleOptions", () => {
  it("puts every option in the given order, bumps the version and audits the change", async () => {
    const desk = await createWorkspace();
    const before = await state(desk.workspace.id);
    const order = [...before.order].reverse();
    const result = await reorderScaleOptions({ actor: desk.admin, input: { order, version: before.version } });
    expect(result).toEqual({ version: before.version + 1, order });
    const after = await state(desk.workspace.id);
    expect(after).toEqual({ version: before.version + 1, order, audit: before.audit + 1 });
    expect(await getScaleVersion({ actor: desk.admin })).toBe(after.version);
  });

  it("refuses a stale version with 409, also when another change to the scale came in between, changing nothing", async () => {
    const desk = await createWorkspace();
    const { version, order } = await state(desk.workspace.id);
    await addScaleOption({ actor: desk.admin, input: { key: "satire", label: "Satire", color: "#123456" } });
    const before = await state(desk.workspace.id);
    expect(before.version).toBe(version + 1);
    expect(
      await codeOf(reorderScaleOptions({ actor: desk.admin, input: { order: [...order].reverse(), version } })),
    ).toBe("CONFLICT");
    expect(await state(desk.workspace.id)).toEqual(before);
  });

  it("lets exactly one of two reorders made on the same version through", async () => {
    const desk = await createWorkspace();
    const { version, order } = await state(desk.workspace.id);
    const outcomes = await Promise.all([
      codeOf(reorderScaleOptions({ actor: desk.admin, input: { order: [...order].reverse(), version } })),
      codeOf(
        reorderScaleOptions({ actor: desk.admin, input: { order: [order[1], order[0], ...order.slice(2)], version } }),
      ),
    ]);
    expect(outcomes.sort()).toEqual(["CONFLICT", "success"]);
    expect((await state(desk.workspace.id)).version).toBe(version + 1);
  });

  it(
    "answers 400 to an order that misses or repeats an option or is malformed, 404 to another desk's " +
      "option, and 401/403 to the wrong callers, changing nothing",
    async () => {
      const desk = await createWorkspace();
      const other = await createWorkspace("Other desk");
      const before = await state(desk.workspace.id);
      const foreign = (await state(other.workspace.id)).order[0];
      const { version, order } = before;
      const bad: unknown[] = [
        { order: order.slice(1), version },
        { order: [order[0], ...order.slice(0, -1)], version },
        { order: "all", version },
        { order, version: "1" },
        { order, version, extra: true },
        { order: [...order, "not an id"], version },
        null,
      ];
      for (const input of bad)
        expect(await codeOf(reorderScaleOptions({ actor: desk.admin, input })), JSON.stringify(input)).toBe(
          "BAD_REQUEST",
        );
      const good = { order: [...order].reverse(), version };
      expect(await codeOf(reorderScaleOptions({ actor: null, input: good }))).toBe("UNAUTHENTICATED");
      expect(await codeOf(reorderScaleOptions({ actor: desk.editor, input: good }))).toBe("FORBIDDEN");
      expect(await codeOf(reorderScaleOptions({ actor: desk.reviewer, input: good }))).toBe("FORBIDDEN");
      expect(await codeOf(reorderScaleOptions({ actor: { ...desk.admin, tokenId: "t" }, input: good }))).toBe(
        "FORBIDDEN",
      );
      // Another desk's options are not found, whoever names them.
      expect(
        await codeOf(
          reorderScaleOptions({ actor: desk.admin, input: { order: [foreign, ...order.slice(1)], version } }),
        ),
      ).toBe("NOT_FOUND");
      expect(await codeOf(reorderScaleOptions({ actor: other.admin, input: good }))).toBe("NOT_FOUND");
      expect(await state(desk.workspace.id)).toEqual(before);
    },
  );
});
