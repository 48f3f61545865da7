import { createRequestContext } from "@/lib/trpc/context";
import { serveTrpc } from "@/lib/trpc/serve-trpc";

const handler = (req: Request) => serveTrpc(req, () => createRequestContext(req));

export { handler as GET, handler as POST };
