"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { createEditor } from "slate";
import { Editable, Slate, withReact } from "slate-react";

/** The paragraphs in a read-only Slate editor, marked `data-interactive` once hydrated. */
export function SlateArticle({ paragraphs }) {
  const [editor] = useState(() => withReact(createEditor()));
  const value = useMemo(() => paragraphs.map((text) => ({ type: "paragraph", children: [{ text }] })), [paragraphs]);
  const root = useRef(null);
  useEffect(() => {
    root.current.dataset.interactive = "true";
  }, []);
  return (
    <div ref={root}>
      <Slate editor={editor} initialValue={value}>
        <Editable readOnly renderElement={({ attributes, children }) => <p {...attributes}>{children}</p>} />
      </Slate>
    </div>
  );
}
