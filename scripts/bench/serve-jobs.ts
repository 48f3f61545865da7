// The app's side of the job runner for the benchmarks: lib/jobs/functions.ts served by the real
// SDK over loopback HTTP, as the app serves them under `npm start`, and synced with the executor.
// Import after the app's environment is set (the app's modules read it when first imported).
import http from "node:http";
import type { AddressInfo } from "node:net";

export async function serveAppJobs(port = 0) {
  const { serve } = await import("inngest/node");
  const { inngest } = await import("../../lib/events/client.ts");
  const { functions } = await import("../../lib/jobs/functions.ts");
  const app = http.createServer(serve({ client: inngest, functions }));
  await new Promise<void>((resolve) => app.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  const sync = await fetch(url, { method: "PUT" });
  if (!sync.ok) throw new Error(`sync failed: ${await sync.text()}`);
  return { url, close: () => new Promise((resolve) => app.close(resolve)) };
}
