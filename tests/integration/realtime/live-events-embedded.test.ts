// Live events on the embedded PostgreSQL 18 that `npm start` runs (live-events-suite.ts).
import { inject } from "vitest";
import { setDatabaseServer } from "../helpers/db";
import { liveEventTests } from "./live-events-suite";

setDatabaseServer(inject("embeddedDatabaseUrl"));
await liveEventTests();
