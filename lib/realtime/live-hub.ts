// This process's one live listener (lib/realtime/live-listener.ts), on the app's database. Kept on
// globalThis: under `next dev` each route is its own bundle with its own copy of this module, and
// there must still be one LISTEN connection per process.
import { env } from "@/lib/env";
import { LiveListener } from "@/lib/realtime/live-listener";

const registry = globalThis as unknown as { textstackLive?: LiveListener };

export function liveListener(): LiveListener {
  return (registry.textstackLive ??= new LiveListener({ url: env.DATABASE_URL }));
}
