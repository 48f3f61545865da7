// Runs once when the server starts: a missing or invalid variable stops it with one clear line;
// then the SMPP binds open, so receipts and inbound texts are received before anything is sent.
export async function register() {
  // Imports inside the runtime check: the edge build must not pull in node-only modules.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("@/lib/check-env");
    const [{ db }, { startSmppBinds }] = await Promise.all([import("@/lib/db"), import("@/lib/carriers/smpp/start-smpp-binds")]);
    // A database not reachable yet must not stop the server; binds then open on first send.
    await startSmppBinds(db).catch((error: Error) => console.warn(`[smpp] binds not started: ${error.message}`));
  }
}
