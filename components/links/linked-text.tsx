// A text with its http(s) links as links a reader can open (in a new tab, without telling the
// destination where it came from), the rest as written. A virtual phone shows texts this way so a
// tester follows a short link as a recipient would.
import { Fragment } from "react";
import { findUrls } from "@/lib/links/find-urls";

export function LinkedText({ text, className }: { text: string; className?: string }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const found of findUrls(text)) {
    parts.push(<Fragment key={`t${at}`}>{text.slice(at, found.start)}</Fragment>);
    parts.push(
      <a key={`a${found.start}`} href={found.url} target="_blank" rel="noopener noreferrer" className={className ?? "underline underline-offset-2 break-all"}>
        {found.url}
      </a>,
    );
    at = found.end;
  }
  parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
