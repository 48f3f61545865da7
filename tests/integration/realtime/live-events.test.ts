// Live events on the tier's PostgreSQL (live-events-suite.ts).
import { liveEventTests } from "./live-events-suite";

await liveEventTests();
