// Requests Next.js would fail before any route handler runs, answered in the API's error shape:
// a path whose percent-encoding does not decode (`/api/v1/messages/%ff`). Next.js throws decoding
// the route's params, and its 400 becomes a plain-text 500 with no request id (an App Router app has
// no pages/_error to render it with). The matcher passes only public API paths with a `%` in them:
// whenever a proxy runs, Next.js buffers the request body for it, a cost every API request must not pay.
// A short link's path that does not decode gets the short links' own page, as an unknown code does.
import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/api/api-error";
import { earlyRefusal } from "@/lib/http/early-refusal";
import { hasMalformedSegment } from "@/lib/api/url-encoding";
import { notValidLinkPage } from "@/lib/links/link-page";

export function proxy(request: NextRequest) {
  const { pathname } = new URL(request.url);
  if (!hasMalformedSegment(pathname)) return NextResponse.next();
  if (pathname.startsWith("/l/")) return notValidLinkPage();
  const error = new ApiError("malformed_url", "The URL's path has percent-encoding that is not UTF-8 (such as %ff): encode ids with encodeURIComponent");
  const { status, body, headers } = earlyRefusal(pathname, error);
  return NextResponse.json(body, { status, headers });
}

export const config = {
  matcher: ["/api/v1/:path(.*%.*)", "/2010-04-01/:path(.*%.*)", "/l/:path(.*%.*)"],
};
