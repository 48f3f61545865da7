// A short link (lib/links/): the click recorded, then 302 to its destination. Public (no session,
// no tRPC, nothing but recordClick), and it always answers: an unknown or expired code, or a
// database that fails, gets a page that says so in words, never an error or a stack.
import { db } from "@/lib/db";
import { recordClick } from "@/lib/links/record-click";
import { logger } from "@/lib/log/logger";
import { notValidLinkPage, unavailableLinkPage } from "@/lib/links/link-page";

async function handle(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  try {
    const outcome = await recordClick(db, { code, method: req.method, userAgent: req.headers.get("user-agent") });
    if (outcome.kind === "not_found") return notValidLinkPage();
    // Not cached: every request of the link is a click to record.
    return new Response(null, { status: 302, headers: { Location: outcome.url, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } });
  } catch (error) {
    logger.error({ err: error, code }, "short link failed");
    return unavailableLinkPage();
  }
}

export const GET = handle;
export const HEAD = handle;
