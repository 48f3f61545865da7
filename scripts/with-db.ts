// Runs a command with DATABASE_URL set: the configured database, or the embedded one started for
// the duration of the command. `npm run db:migrate` and `npm run db:seed` go through here.
import { prepareLocalEnv } from "./local-env.ts";
import { run } from "./run.ts";

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: tsx scripts/with-db.ts <command> [args...]");
  process.exit(2);
}
const { env, embedded } = await prepareLocalEnv();
let failed = false;
try {
  await run(cmd, args, env);
} catch (error) {
  console.error((error as Error).message);
  failed = true;
} finally {
  await embedded?.stop();
}
process.exit(failed ? 1 : 0);
