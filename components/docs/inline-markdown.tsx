// A description with `code`, **bold** and [links](/docs/api#errors) shown as such (see
// parse-inline-markdown.ts): React elements made from a parsed tree, never the text as HTML.
import { Fragment, type ReactNode } from "react";
import { parseInlineMarkdown, type InlineNode } from "@/components/docs/parse-inline-markdown";

function render(nodes: InlineNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return <Fragment key={i}>{node.text}</Fragment>;
      case "code":
        return (
          <code key={i} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800">
            {node.text}
          </code>
        );
      case "strong":
        return (
          <strong key={i} className="font-semibold">
            {render(node.children)}
          </strong>
        );
      case "link":
        return (
          <a key={i} href={node.href} className="underline underline-offset-2 hover:text-zinc-900 dark:hover:text-zinc-100">
            {render(node.children)}
          </a>
        );
    }
  });
}

export function InlineMarkdown({ text }: { text: string }) {
  return <>{render(parseInlineMarkdown(text))}</>;
}
