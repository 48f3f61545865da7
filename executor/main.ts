// The embedded job executor: a process that speaks the Inngest server protocol (what the SDK
// uses in dev mode) and keeps runs, sleeps and waits in the app's PostgreSQL.
//   DATABASE_URL=postgresql://... EXECUTOR_PORT=8288 tsx executor/main.ts
// The app reaches it with INNGEST_DEV=http://127.0.0.1:8288; `npm start` does this for you.
import { optionsFromEnv } from "./config.ts";
import { startExecutor } from "./start.ts";

let options;
try {
  options = optionsFromEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const executor = await startExecutor(options);
let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await executor.stop().catch((error) => console.error(error));
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
