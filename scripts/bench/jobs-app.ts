// The app as a process of its own for `npm run bench:campaign`, which kills it (kill -9) mid-campaign:
// serves the app's job functions on BENCH_APP_PORT until it is stopped.
import { serveAppJobs } from "./serve-jobs.ts";

await serveAppJobs(Number(process.env.BENCH_APP_PORT));
