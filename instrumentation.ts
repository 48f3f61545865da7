// Runs once when the server starts: a missing or invalid variable stops it with one clear line;
// an oversized request head is answered in the API's error shape (lib/http/oversized-head.ts); then
// the SMPP binds open, so receipts and inbound texts are received before anything is sent.
export async function register() {
  // Imports inside the runtime check: the edge build must not pull in node-only modules.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("@/lib/check-env");
    // Not while `next build` prerenders (no database to be had, and no binds to hold open).
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    (await import("@/lib/http/oversized-head")).answerOversizedHeads();
    try {
      const [{ db }, { startSmppBinds }] = await Promise.all([import("@/lib/db"), import("@/lib/delivery/start-smpp-binds")]);
      await startSmppBinds(db);
    } catch (error) {
      // The server runs without them; each SMPP connection binds on its first send instead.
      const { logger } = await import("@/lib/log/logger");
      logger.child({ component: "smpp" }).warn(`binds not started: ${(error as Error).message}`);
    }
  }
}
