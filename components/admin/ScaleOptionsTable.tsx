"use client";

import { useEffect, useRef, useState, useTransition, type DragEvent, type KeyboardEvent } from "react";
import { reorderOptionsAction } from "@/app/(app)/admin/scale/actions";
import type { ActionResult } from "@/lib/http/action-result";
import type { ScaleOption } from "@/lib/verdicts/scale";
import { ActionMessage } from "./ActionMessage";
import { ScaleOptionRow } from "./ScaleOptionRow";
import { TableHead } from "@/components/shared/TableHead";

/** `list` with the item at `from` moved to `to`. */
function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * The scale's options, reordered by dragging a row or with the arrow keys on its handle; each
 * drop or key press saves the whole order with the scale's version (lib/verdicts/reorder.ts),
 * so two admins reordering at once cannot silently undo each other: the later one gets 409.
 */
export function ScaleOptionsTable({ options, version }: { options: ScaleOption[]; version: number }) {
  const [order, setOrder] = useState(options);
  const [shown, setShown] = useState(options);
  if (shown !== options) {
    // The server's order after a save or any other change wins over the local one.
    setShown(options);
    setOrder(options);
  }
  const [dragged, setDragged] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [saving, startSaving] = useTransition();
  const handles = useRef<Record<string, HTMLButtonElement | null>>({});
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId) handles.current[focusId]?.focus();
  }, [focusId, order]);

  function save(next: ScaleOption[], label: string, index: number) {
    setOrder(next);
    startSaving(async () => {
      const outcome = await reorderOptionsAction({ order: next.map((o) => o.id), version });
      setResult(
        outcome.ok ? { ok: true, message: `Moved “${label}” to place ${index + 1} of ${next.length}.` } : outcome,
      );
      if (!outcome.ok) setOrder(options);
    });
  }

  function onHandleKey(event: KeyboardEvent, index: number) {
    const delta = event.key === "ArrowUp" ? -1 : event.key === "ArrowDown" ? 1 : 0;
    if (!delta) return;
    event.preventDefault();
    const to = index + delta;
    // One save at a time: the next one needs the version this one returns.
    if (saving || to < 0 || to >= order.length) return;
    setFocusId(order[index].id);
    save(moved(order, index, to), order[index].label, to);
  }

  const rowProps = (option: ScaleOption, index: number) => ({
    draggable: !saving,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", option.key);
      setDragged(option.id);
    },
    onDragOver: (event: DragEvent) => {
      if (dragged) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      const from = order.findIndex((o) => o.id === dragged);
      setDragged(null);
      if (from >= 0 && from !== index) save(moved(order, from, index), order[from].label, index);
    },
    onDragEnd: () => setDragged(null),
    className: [option.retired && "muted", dragged === option.id && "dragging"].filter(Boolean).join(" ") || undefined,
  });

  return (
    <>
      <table className="list scale-options" aria-busy={saving}>
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
        <tbody>
          {order.map((option, i) => (
            <ScaleOptionRow
              key={option.id}
              option={option}
              first={i === 0}
              last={i === order.length - 1}
              rowProps={rowProps(option, i)}
              handle={
                <button
                  type="button"
                  className="drag-handle"
                  // Chromium starts no drag from a plain button: the handle is a drag source itself.
                  draggable={!saving}
                  ref={(element) => {
                    handles.current[option.id] = element;
                  }}
                  aria-label={`Reorder ${option.label}: drag, or use the up and down arrows`}
                  aria-keyshortcuts="ArrowUp ArrowDown"
                  title="Drag, or use the arrow keys"
                  onKeyDown={(event) => onHandleKey(event, i)}
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
