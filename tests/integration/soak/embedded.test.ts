// The soak on the embedded PostgreSQL that `npm start` runs (scripts/embedded-postgres.ts).
import { inject } from "vitest";
import { setDatabaseServer } from "../helpers/db";
import { defineSoak } from "./soak-scenario";

setDatabaseServer(inject("embeddedDatabaseUrl"));
await defineSoak("the embedded PostgreSQL");
