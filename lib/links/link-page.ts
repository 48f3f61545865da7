// The pages a short link shows instead of redirecting (app/l/[code]/route.ts, and proxy.ts for a
// path that does not decode): plain HTML with its styles inline, light or dark as the phone is,
// readable at phone width; nothing it says comes from the request.
const html = (title: string, detail: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>
:root{color-scheme:light dark;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",sans-serif}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f8fafc;color:#0f172a}
main{max-width:26rem;margin:1.5rem;padding:2rem;border-radius:.75rem;background:#fff;border:1px solid #e2e8f0;text-align:center}
h1{font-size:1.25rem;margin:0 0 .5rem}p{margin:0;color:#475569;line-height:1.5}
@media (prefers-color-scheme:dark){body{background:#020617;color:#f1f5f9}main{background:#0f172a;border-color:#1e293b}p{color:#94a3b8}}
</style></head>
<body><main><h1>${title}</h1><p>${detail}</p></main></body></html>`;

function linkPage(status: number, title: string, detail: string): Response {
  return new Response(html(title, detail), {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

/** An unknown, expired or malformed code: 404. */
export const notValidLinkPage = () => linkPage(404, "This link is not valid", "It may have expired, or part of it may be missing. Check the text it came in.");

/** The link could not be looked up (the database failed): 503, try again. */
export const unavailableLinkPage = () => linkPage(503, "This link cannot open right now", "Please try again in a minute.");
