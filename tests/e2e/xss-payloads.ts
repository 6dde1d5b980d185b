// Script payloads for the XSS pass (tests/e2e/xss.spec.ts): what tests/e2e/server.ts stores in
// every field of the XSS desk that a user can set, and what the spec expects to read back as text.

const PAYLOADS = [
  `<script>alert("xss")</script>`,
  `<img src=x onerror=alert("xss")>`,
  `"><svg onload=alert("xss")>`,
  `javascript:alert("xss")`,
  `'><iframe srcdoc="<script>alert('xss')</script>"></iframe>`,
  `</textarea><script>alert("xss")</script>`,
  `<a href="javascript:alert('xss')">click</a>`,
];

let next = 0;
/** A label naming the field (so a failure says which) followed by the next payload in turn. */
const payload = (field: string) => `${field} ${PAYLOADS[next++ % PAYLOADS.length]}`;

export const XSS = {
  workspace: payload("XSS desk"),
  scale: payload("Scale"),
  people: {
    admin: payload("Admin name"),
    editor: payload("Editor name"),
    reviewer: payload("Reviewer name"),
    reviewer2: payload("Second reviewer name"),
  },
  verdict: { key: "xss-verdict", label: payload("Verdict label"), description: payload("Verdict description") },
  token: payload("Token name"),
  article: {
    title: payload("Article title"),
    outlet: payload("Outlet"),
    author: payload("Byline"),
    section: payload("Section"),
  },
  /** A quote each article's text holds, for the annotations to anchor on. */
  quote: "Checked sentence",
  /** One article per body format; each body hides payloads the parser must neutralise. */
  bodies: {
    text: `Checked sentence in plain text ${PAYLOADS[0]} ${PAYLOADS[1]}.\n\nA second paragraph ${PAYLOADS[2]}.`,
    markdown:
      `# Heading ${PAYLOADS[0]}\n\nChecked sentence in Markdown [a link](javascript:alert("xss")) ` +
      `${PAYLOADS[1]} **bold** ${PAYLOADS[2]}.\n\n> quote <svg onload=alert("xss")>`,
    html:
      `<h2 onclick="alert('xss')">Heading</h2><p>Checked sentence in HTML<script>alert("xss")</script><img src=x onerror=alert("xss")> ` +
      `<a href="javascript:alert('xss')">a link</a><svg onload=alert("xss")></svg><iframe src="javascript:alert('xss')"></iframe></p>`,
  },
  /** Words of the bodies that must still be shown once the markup is gone. */
  bodyText: {
    text: "Checked sentence in plain text",
    markdown: "Checked sentence in Markdown",
    html: "Checked sentence in HTML",
  },
  annotation: {
    claim: payload("Claim"),
    claimant: payload("Claimant"),
    rationale: payload("Rationale"),
    correctionNote: payload("Correction note"),
    importedAuthor: payload("Imported author"),
  },
  source: {
    url: `https://sources.example/"><script>alert("xss")</script>`,
    title: payload("Source title"),
    publisher: payload("Publisher"),
    excerpt: payload("Excerpt"),
    archiveUrl: `https://archive.example/"><img src=x onerror=alert("xss")>`,
  },
  note: payload("Note"),
  reply: payload("Reply"),
  reviewComment: payload("Review comment"),
  secondClaim: payload("Second claim"),
  thirdClaim: payload("Third claim"),
} as const;
