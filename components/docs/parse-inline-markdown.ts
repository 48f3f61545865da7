// The little markdown the API's descriptions use (`code`, **bold**, [text](url)) as a tree that the
// docs page renders as React elements: the text never becomes HTML, so nothing in it can inject markup.
// Anything that is not one of the three, or not closed, stays as the characters it is.

export type InlineNode =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: InlineNode[] }
  | { type: "link"; href: string; children: InlineNode[] };

// Only web and same-site addresses: a description must not be able to make a javascript: or data: link.
const SAFE_HREF = /^(https?:\/\/[^\s]+|\/(?!\/)[^\s]*|#[^\s]*)$/i;

/** Where `marker` next occurs at or after `from`, skipping over code spans (their contents are literal). */
function findClosing(source: string, marker: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    if (source.startsWith(marker, i)) return i;
    if (source[i] === "`") {
      const end = source.indexOf("`", i + 1);
      if (end > i + 1) i = end;
    }
  }
  return -1;
}

type Match = { node: InlineNode; end: number } | null;

function codeAt(source: string, i: number): Match {
  const end = source.indexOf("`", i + 1);
  return end > i + 1 ? { node: { type: "code", text: source.slice(i + 1, end) }, end: end + 1 } : null;
}

function strongAt(source: string, i: number, depth: number): Match {
  const end = findClosing(source, "**", i + 2);
  const inner = end === -1 ? "" : source.slice(i + 2, end);
  // As in CommonMark, `** a **` is not bold: the markers must touch the words they wrap.
  if (inner.trim() === "" || inner.trim() !== inner) return null;
  return { node: { type: "strong", children: parse(inner, depth + 1) }, end: end + 2 };
}

function linkAt(source: string, i: number, depth: number): Match {
  const close = findClosing(source, "](", i + 1);
  if (close <= i + 1) return null;
  const end = source.indexOf(")", close + 2);
  if (end === -1) return null;
  const href = source.slice(close + 2, end);
  if (!SAFE_HREF.test(href)) return null;
  return { node: { type: "link", href, children: parse(source.slice(i + 1, close), depth + 1) }, end: end + 1 };
}

function parse(source: string, depth: number): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    // Bold and links may hold code, and each other once; deeper nesting is left as written.
    const match =
      char === "`" ? codeAt(source, i)
      : depth < 2 && source.startsWith("**", i) ? strongAt(source, i, depth)
      : depth < 2 && char === "[" ? linkAt(source, i, depth)
      : null;
    if (!match) {
      text += char;
      i++;
      continue;
    }
    if (text) nodes.push({ type: "text", text });
    text = "";
    nodes.push(match.node);
    i = match.end;
  }
  if (text) nodes.push({ type: "text", text });
  return nodes;
}

export function parseInlineMarkdown(source: string): InlineNode[] {
  return parse(source, 0);
}
