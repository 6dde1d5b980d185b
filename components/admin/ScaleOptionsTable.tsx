"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from "react";
import { reorderOptionsAction } from "@/app/(app)/admin/scale/actions";
import type { ActionResult } from "@/lib/http/action-result";
import type { ScaleOption } from "@/lib/verdicts/scale";
import { ActionMessage } from "./ActionMessage";
import { ScaleOptionRow } from "./ScaleOptionRow";
import { OrderSaver } from "./order-saver";
import { TableHead } from "@/components/shared/TableHead";

/** `list` with the item at `from` moved to `to`. */
function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** The row a pointer at `y` (viewport pixels) is over: above the first row is the first, below the last the last. */
function rowAt(body: HTMLTableSectionElement, y: number): number {
  const rows = Array.from(body.rows);
  const index = rows.findIndex((row) => y < row.getBoundingClientRect().bottom);
  return index === -1 ? rows.length - 1 : index;
}

/** What a save announces when it lands. */
type Move = { label: string; place: number; of: number };

/**
 * The scale's options, reordered by dragging a row's handle (pointer events, so a mouse, a
 * finger and a pen all work; HTML5 drag and drop never starts from a touch on most phones) or
 * with the arrow keys on it. Each move shows at once and saves the whole order with the scale's
 * version (lib/verdicts/reorder.ts), so two admins reordering at once cannot silently undo each
 * other: the later one gets 409. Moves made while a save is under way wait for it and go out
 * next, against the version it made (OrderSaver), rather than being dropped.
 */
export function ScaleOptionsTable({ options, version }: { options: ScaleOption[]; version: number }) {
  // Our own moves, shown until the server's order catches up; null shows the server's.
  const [local, setLocal] = useState<ScaleOption[] | null>(null);
  const order = local ?? options;
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(options);
  if (shown !== options) {
    // The server's order after a save or any other change wins over the local one, unless moves
    // of ours are still on their way (theirs then decide: a refusal puts the server's order back).
    setShown(options);
    if (!busy) setLocal(null);
  }
  const localOrder = useRef(order);
  useEffect(() => {
    localOrder.current = order;
  });
  const [result, setResult] = useState<ActionResult | null>(null);
  const [saver] = useState(
    () =>
      new OrderSaver<Move>(
        version,
        async (ids, at) => {
          const outcome = await reorderOptionsAction({ order: ids, version: at });
          return outcome.ok ? { ok: true, version: outcome.version } : { ok: false, error: outcome.error };
        },
        (report) => {
          if (report.ok) {
            setResult({
              ok: true,
              message: `Moved “${report.note.label}” to place ${report.note.place} of ${report.note.of}.`,
            });
            if (!report.waiting) setBusy(false);
            return;
          }
          const dropped = report.dropped ? " The moves made after it were not saved either." : "";
          setResult({ ok: false, error: `${report.error}${dropped}` });
          setLocal(null);
          setBusy(false);
        },
      ),
  );
  useEffect(() => saver.adopt(version), [saver, version]);

  const handles = useRef<Record<string, HTMLButtonElement | null>>({});
  const body = useRef<HTMLTableSectionElement>(null);
  // A drag that starts before hydration reaches no handler: mark the table once it will (tests wait for it).
  useEffect(() => {
    if (body.current?.parentElement) body.current.parentElement.dataset.interactive = "true";
  }, []);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    // Moving a row moves its handle in the document, which drops focus: put it back.
    if (focusId) handles.current[focusId]?.focus();
  }, [focusId, order]);
  const [drag, setDrag] = useState<{ id: string; over: number } | null>(null);

  function move(current: ScaleOption[], from: number, to: number) {
    if (from === to || to < 0 || to >= current.length) return;
    const next = moved(current, from, to);
    localOrder.current = next;
    setLocal(next);
    setFocusId(current[from].id);
    setBusy(true);
    saver.request(
      next.map((o) => o.id),
      { label: current[from].label, place: to + 1, of: next.length },
    );
  }

  function onHandleKey(event: KeyboardEvent, id: string) {
    const delta = event.key === "ArrowUp" ? -1 : event.key === "ArrowDown" ? 1 : 0;
    if (!delta) return;
    event.preventDefault();
    // The order as last moved, even if React has not drawn it yet (keys can come faster).
    const current = localOrder.current;
    const index = current.findIndex((o) => o.id === id);
    move(current, index, index + delta);
  }

  function onHandlePointerDown(event: ReactPointerEvent<HTMLButtonElement>, id: string, index: number) {
    // The primary button, a finger or a pen tip; the default would select text (and, on touch, scroll).
    if (event.button !== 0 || !body.current) return;
    event.preventDefault();
    event.currentTarget.focus();
    const pointerId = event.pointerId;
    const table = body.current;
    setDrag({ id, over: index });
    // Listened on the window: the rows move in the document as React reorders them, and a moved
    // element loses pointer capture.
    const onMove = (moving: PointerEvent) => {
      if (moving.pointerId === pointerId) setDrag({ id, over: rowAt(table, moving.clientY) });
    };
    const onEnd = (ending: PointerEvent) => {
      if (ending.pointerId !== pointerId) return;
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onEnd);
      window.removeEventListener("pointercancel", onEnd);
      setDrag(null);
      if (ending.type !== "pointerup") return;
      const current = localOrder.current;
      move(
        current,
        current.findIndex((o) => o.id === id),
        rowAt(table, ending.clientY),
      );
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onEnd);
    window.addEventListener("pointercancel", onEnd);
  }

  const from = drag ? order.findIndex((o) => o.id === drag.id) : -1;
  const rowClass = (option: ScaleOption, index: number) =>
    [
      option.retired && "muted",
      drag?.id === option.id && "dragging",
      drag && index === drag.over && index < from && "drop-before",
      drag && index === drag.over && index > from && "drop-after",
    ]
      .filter(Boolean)
      .join(" ") || undefined;

  return (
    <>
      <table className="list scale-options" aria-busy={busy}>
        <TableHead
          columns={[
            { label: "Order", hidden: true },
            "Key",
            "Label",
            "Colour",
            "Rating",
            "In use",
            { label: "Actions", quiet: true },
          ]}
        />
        <tbody ref={body}>
          {order.map((option, i) => (
            <ScaleOptionRow
              key={option.id}
              option={option}
              first={i === 0}
              last={i === order.length - 1}
              rowProps={{ className: rowClass(option, i) }}
              handle={
                <button
                  type="button"
                  className="drag-handle"
                  ref={(element) => {
                    handles.current[option.id] = element;
                  }}
                  aria-label={`Reorder ${option.label}: drag, or use the up and down arrows`}
                  aria-keyshortcuts="ArrowUp ArrowDown"
                  title="Drag, or use the arrow keys"
                  onKeyDown={(event) => onHandleKey(event, option.id)}
                  onPointerDown={(event) => onHandlePointerDown(event, option.id, i)}
                >
                  ⠿
                </button>
              }
            />
          ))}
        </tbody>
      </table>
      <ActionMessage result={result} />
    </>
  );
}
