// The tRPC endpoint's handler (app/api/trpc/[trpc]/route.ts, which brings the request's context):
// each call gets a request id, as the public APIs' requests do, answered in X-Request-Id and carried
// by every line logged while it is served (lib/log/logger.ts), so a failure the browser reports can
// be found in the log.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { newRequestId } from "@/lib/api/request-id";
import { logger, withRequestId } from "@/lib/log/logger";
import type { TRPCContext } from "@/lib/trpc/init";
import { appRouter } from "@/lib/trpc/root";

const log = logger.child({ component: "trpc" });

export function serveTrpc(req: Request, createContext: () => Promise<TRPCContext>): Promise<Response> {
  const requestId = newRequestId();
  return withRequestId(requestId, () =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext,
      responseMeta: () => ({ headers: { "X-Request-Id": requestId } }),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") log.error({ err: error.cause ?? error }, `${path ?? "?"} failed`);
      },
    }),
  );
}
