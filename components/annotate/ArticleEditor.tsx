"use client";

import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type CSSProperties,
  type MouseEvent,
} from "react";
import { useSearchParams } from "next/navigation";
import { createEditor, Range, Text, Transforms, type NodeEntry } from "slate";
import { Editable, ReactEditor, Slate, withReact, type RenderElementProps, type RenderLeafProps } from "slate-react";
import type { ArticleValue } from "@/lib/articles/slate-value";
import type { AnnotationSummary } from "@/lib/annotations/view";
import { blockStarts, pointToOffset, rangeToSpan, type TextSpan } from "@/lib/anchoring/offsets";
import { RangeIndex } from "@/lib/anchoring/range-index";
import { ANNOTATION_PARAM } from "@/lib/annotations/links";
import { afterNextPaint } from "./after-paint";
import { isAnnotateShortcut } from "./annotate-shortcut";
import { canPaintHighlights, paintHighlights, type PaintedText } from "./highlight-paint";

type Props = {
  value: ArticleValue;
  annotations: AnnotationSummary[];
  onSelectSpan: (span: TextSpan | null) => void;
  onHighlightClick: (annotationIds: string[]) => void;
};

/** A document that can be selected but never changed: every operation but selection is dropped. */
function withReadOnlyContent<T extends ReturnType<typeof withReact>>(editor: T): T {
  const { apply } = editor;
  editor.apply = (operation) => {
    if (operation.type === "set_selection") apply(operation);
  };
  return editor;
}

/** Where each text leaf starts in the canonical text, by [block][leaf]. */
function leafStarts(value: ArticleValue): number[][] {
  const starts = blockStarts(value);
  return value.map((block, b) => {
    let offset = starts[b];
    return block.children.map((leaf) => {
      const start = offset;
      offset += leaf.text.length;
      return start;
    });
  });
}

function renderElement({ attributes, children, element }: RenderElementProps) {
  if (element.type === "heading")
    return element.level === 2 ? <h2 {...attributes}>{children}</h2> : <h3 {...attributes}>{children}</h3>;
  if (element.type === "quote") return <blockquote {...attributes}>{children}</blockquote>;
  if (element.type === "list-item") {
    // Lists are flat blocks; the marker is drawn beside the text, outside the selectable content.
    return (
      <p {...attributes} className="list-item" data-marker={element.ordered ? `${element.number ?? 1}.` : "•"}>
        {children}
      </p>
    );
  }
  return <p {...attributes}>{children}</p>;
}

/** The text node and offset under a point (caretPositionFromPoint, or the older caretRangeFromPoint). */
function caretAt(x: number, y: number): [Node, number] | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return [position.offsetNode, position.offset];
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? [range.startContainer, range.startOffset] : null;
}

/**
 * Above this many annotations the page first paints highlights with the CSS Custom Highlight API
 * and renders the marks after it, in a transition (#15): an everyday article's few marks cost
 * nothing, a long article's thousands of split Slate leaves cost more than the rest of the page.
 */
const PAINT_FIRST_ABOVE = 200;

const NO_ANNOTATIONS = new Map<string, AnnotationSummary>();

/**
 * The article in Slate: selectable with mouse and keyboard (caret, Shift+arrows), never
 * editable. Highlights are decorations computed from a RangeIndex of the annotations, so each
 * text node looks up only the segments that cover it; each is a `mark` that names its
 * annotations for screen readers (aria-description), shows them as a tooltip and opens them on a
 * click. On a heavily annotated article the highlights are painted first through CSS.highlights
 * over unsplit leaves (highlight-paint.ts), and the marks replace that painting when React has
 * rendered them in an interruptible transition; a click meanwhile finds its annotations by
 * position. A link to one annotation renders the marks at once, since the page scrolls to them.
 */
export const ArticleEditor = memo(function ArticleEditor({
  value,
  annotations,
  onSelectSpan,
  onHighlightClick,
}: Props) {
  const editor = useMemo(() => withReadOnlyContent(withReact(createEditor())), []);
  const starts = useMemo(() => leafStarts(value), [value]);
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const index = useMemo(() => new RangeIndex(annotations), [annotations]);
  const linked = useSearchParams().has(ANNOTATION_PARAM);
  // A long list streams in after the text (useStreamedAnnotations.tsx): the list that takes their
  // number past the threshold at once is painted first; a single change re-renders marks.
  const [marked, setMarked] = useState(() => linked || annotations.length <= PAINT_FIRST_ABOVE);
  const [count, setCount] = useState(annotations.length);
  if (annotations.length !== count) {
    setCount(annotations.length);
    const arrivedAtOnce = annotations.length - count > 1;
    if (!linked && arrivedAtOnce && count <= PAINT_FIRST_ABOVE && annotations.length > PAINT_FIRST_ABOVE)
      setMarked(false);
  }

  useLayoutEffect(() => {
    if (marked) return;
    if (!canPaintHighlights()) return setMarked(true);
    const texts: PaintedText[] = [];
    value.forEach((block, b) =>
      block.children.forEach((leaf, l) => {
        const node = ReactEditor.toDOMNode(editor, leaf).querySelector("[data-slate-string]")?.firstChild;
        if (node instanceof globalThis.Text) texts.push({ node, start: starts[b][l] });
      }),
    );
    return paintHighlights(texts, index, byId);
  }, [marked, editor, value, starts, index, byId]);
  // The marks' render and commit (thousands of leaves) wait until the painted highlights are on screen.
  useEffect(() => {
    if (!marked) return afterNextPaint(() => startTransition(() => setMarked(true)));
  }, [marked]);

  // What the leaves are decorated and rendered with: nothing until marks are to be rendered. Slate
  // re-decorates and re-renders every text node when `decorate` or `renderLeaf` changes, so the
  // arrival of a long list, painted first, must leave both as they were (#15).
  const withMarks = marked && annotations.length > 0;
  const marksIndex = withMarks ? index : null;
  const marksById = withMarks ? byId : NO_ANNOTATIONS;
  const decorate = useCallback(
    ([node, path]: NodeEntry): Range[] => {
      if (!marksIndex || !Text.isText(node) || path.length !== 2) return [];
      const nodeStart = starts[path[0]][path[1]];
      return marksIndex.query(nodeStart, nodeStart + node.text.length).map((segment) => ({
        anchor: { path, offset: segment.start - nodeStart },
        focus: { path, offset: segment.end - nodeStart },
        annotationIds: segment.ids,
      }));
    },
    [marksIndex, starts],
  );

  const renderLeaf = useCallback(
    ({ attributes, children, leaf }: RenderLeafProps) => {
      let content = children;
      if (leaf.bold) content = <strong>{content}</strong>;
      if (leaf.italic) content = <em>{content}</em>;
      // Only http(s) and mailto links are ever stored (lib/articles/body); they open elsewhere.
      if (leaf.link)
        content = (
          <a href={leaf.link} rel="noopener noreferrer nofollow" target="_blank">
            {content}
          </a>
        );
      const ids = (leaf as { annotationIds?: string[] }).annotationIds;
      const covering = ids?.map((id) => marksById.get(id)).filter((a): a is AnnotationSummary => Boolean(a));
      if (!covering?.length) return <span {...attributes}>{content}</span>;
      // The innermost (shortest) annotation colours the text; the outermost underlines it.
      const sorted = [...covering].sort((a, b) => a.end - a.start - (b.end - b.start));
      const inner = sorted[0];
      const outer = sorted[sorted.length - 1];
      const label = covering.map((a) => `${a.verdict.label}: ${a.claim}`).join("; ");
      const style = { "--hl": inner.verdict.color, "--hl-outer": outer.verdict.color } as CSSProperties;
      return (
        <mark
          {...attributes}
          className={[
            "highlight",
            covering.length > 1 && "highlight-multi",
            covering.some((a) => a.placement === "NEEDS_CHECK") && "needs-check",
          ]
            .filter(Boolean)
            .join(" ")}
          data-annotation-ids={covering.map((a) => a.id).join(" ")}
          data-count={covering.length}
          style={style}
          title={covering.length > 1 ? `${covering.length} annotations — ${label}` : label}
          aria-description={label}
        >
          {content}
        </mark>
      );
    },
    [marksById],
  );

  // The span comes straight from the page's selection, not from Slate's selection, which
  // slate-react updates up to 100 ms late: a shortcut pressed right after a drag would annotate
  // a stale span. A selection that leaves the article, or is empty, is no span.
  useEffect(() => {
    const onSelectionChange = () => {
      const dom = window.getSelection();
      // The page dropped the selection (after a save or a placement): Slate must forget it too, or
      // its next render puts it back, with the Annotate toolbar.
      if (dom?.rangeCount === 0) Transforms.deselect(editor);
      const inside = (node: Node | null) => node !== null && ReactEditor.hasDOMNode(editor, node);
      if (!dom || dom.isCollapsed || !inside(dom.anchorNode) || !inside(dom.focusNode)) return onSelectSpan(null);
      const range = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
      onSelectSpan(range && !Range.isCollapsed(range) ? rangeToSpan(value, range) : null);
    };
    // On a busy main thread the browser handles a key before the selectionchange that the drag
    // just before it queued: the shortcut reads the selection as it is now, before the workspace's
    // handler (on the document too, but not in the capture phase) opens the form on it.
    const beforeShortcut = (event: KeyboardEvent) => {
      if (isAnnotateShortcut(event)) onSelectionChange();
    };
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("keydown", beforeShortcut, true);
    return () => {
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("keydown", beforeShortcut, true);
    };
  }, [editor, onSelectSpan, value]);

  const onClick = useCallback(
    (event: MouseEvent) => {
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-annotation-ids]");
      if (mark) return onHighlightClick(mark.dataset.annotationIds!.split(" "));
      if (marked) return;
      // Painted highlights are no elements: find what lies under the pointer by its text offset.
      const caret = caretAt(event.clientX, event.clientY);
      const point = caret && ReactEditor.toSlatePoint(editor, caret, { exactMatch: false, suppressThrow: true });
      const ids = point ? index.idsAt(pointToOffset(value, point)) : [];
      if (ids.length > 0) onHighlightClick(ids);
    },
    [onHighlightClick, marked, editor, index, value],
  );

  return (
    <Slate editor={editor} initialValue={value}>
      <Editable
        className="article-body"
        data-testid="article-body"
        aria-label="Article text (select a passage to annotate it)"
        aria-readonly="true"
        aria-multiline="true"
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="off"
        decorate={decorate}
        renderElement={renderElement}
        renderLeaf={renderLeaf}
        onClick={onClick}
        // Refuse every native edit (typing, paste, drop, IME) before Slate or the DOM sees it.
        onDOMBeforeInput={(event) => event.preventDefault()}
      />
    </Slate>
  );
});
