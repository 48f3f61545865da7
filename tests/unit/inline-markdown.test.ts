// The docs page's descriptions: `code`, **bold** and safe links become elements, everything else
// (unclosed markers, unsafe links, HTML in the text) stays the characters it was, escaped.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineMarkdown } from "@/components/docs/inline-markdown";
import { parseInlineMarkdown } from "@/components/docs/parse-inline-markdown";
import { OPERATIONS } from "@/lib/api/openapi/operations";

const html = (text: string) => renderToStaticMarkup(createElement(InlineMarkdown, { text })).replace(/ class="[^"]*"/g, "");

describe("parseInlineMarkdown", () => {
  it("splits code spans out of the text", () => {
    expect(parseInlineMarkdown("Page with `limit` and `starting_after`.")).toEqual([
      { type: "text", text: "Page with " },
      { type: "code", text: "limit" },
      { type: "text", text: " and " },
      { type: "code", text: "starting_after" },
      { type: "text", text: "." },
    ]);
  });

  it("keeps a code span's contents literal, markers included", () => {
    expect(parseInlineMarkdown("`**not bold** [x](/y)`")).toEqual([{ type: "code", text: "**not bold** [x](/y)" }]);
  });

  it("makes bold and links, with code inside them", () => {
    expect(parseInlineMarkdown("**Only** `scheduled`; see [`errors`](/docs/api#errors)")).toEqual([
      { type: "strong", children: [{ type: "text", text: "Only" }] },
      { type: "text", text: " " },
      { type: "code", text: "scheduled" },
      { type: "text", text: "; see " },
      { type: "link", href: "/docs/api#errors", children: [{ type: "code", text: "errors" }] },
    ]);
    expect(parseInlineMarkdown("[spec](https://www.standardwebhooks.com/) and [top](#errors)")).toEqual([
      { type: "link", href: "https://www.standardwebhooks.com/", children: [{ type: "text", text: "spec" }] },
      { type: "text", text: " and " },
      { type: "link", href: "#errors", children: [{ type: "text", text: "top" }] },
    ]);
  });

  it("leaves unclosed or empty markers as text", () => {
    for (const text of ["a ` b", "``", "**a", "** a **", "****", "[a](", "[a] (/b)", "[](/b)", "5 * 3 ** 2"]) {
      expect(parseInlineMarkdown(text), text).toEqual([{ type: "text", text }]);
    }
    expect(parseInlineMarkdown("`a` then `")).toEqual([
      { type: "code", text: "a" },
      { type: "text", text: " then `" },
    ]);
  });

  it("does not close bold on markers inside code", () => {
    expect(parseInlineMarkdown("**a `**` b**")).toEqual([
      { type: "strong", children: [{ type: "text", text: "a " }, { type: "code", text: "**" }, { type: "text", text: " b" }] },
    ]);
  });

  it("refuses links that are not web or same-site addresses", () => {
    for (const href of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,hi", "//evil.example/x", "vbscript:x", "/a b", "mailto:a@b.c"]) {
      const text = `[click](${href})`;
      expect(parseInlineMarkdown(text), href).toEqual([{ type: "text", text }]);
    }
  });
});

describe("InlineMarkdown", () => {
  it("renders code, bold and links as elements", () => {
    expect(html("Only a message still `scheduled` can be **canceled** ([why](/docs/api#errors)).")).toBe(
      'Only a message still <code>scheduled</code> can be <strong>canceled</strong> (<a href="/docs/api#errors">why</a>).',
    );
  });

  it("escapes HTML in the text, in code and in link text", () => {
    expect(html('<img src=x onerror="alert(1)"> `<b>` [<i>x</i>](/a)')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <code>&lt;b&gt;</code> <a href="/a">&lt;i&gt;x&lt;/i&gt;</a>',
    );
  });

  it("leaves no backtick in any operation's rendered description", () => {
    const withCode = OPERATIONS.filter((op) => op.description.includes("`"));
    expect(withCode.length).toBeGreaterThan(0);
    for (const op of OPERATIONS) {
      const rendered = html(op.description);
      expect(rendered, op.id).not.toContain("`");
      if (op.description.includes("`")) expect(rendered, op.id).toContain("<code>");
    }
  });
});
