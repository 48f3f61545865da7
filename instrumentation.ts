// Runs once when the server starts: a missing or invalid variable stops it with one clear line.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("@/lib/check-env");
}
