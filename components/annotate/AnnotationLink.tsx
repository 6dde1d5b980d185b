"use client";

import { annotationHref } from "@/lib/annotations/links";

/** A link to one annotation: a plain click opens it in the panel; a modified click opens its deep link elsewhere. */
export function AnnotationLink({
  articleId,
  annotationId,
  onOpen,
  children,
}: {
  articleId: string;
  annotationId: string;
  onOpen: (id: string) => void;
  children: React.ReactNode;
}) {
  return (
    <a
      href={annotationHref(articleId, annotationId)}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onOpen(annotationId);
      }}
    >
      {children}
    </a>
  );
}
