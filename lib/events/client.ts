// The app's Inngest client. Where events go and who calls the functions is configuration read by
// the SDK, never code: INNGEST_DEV=<url> (the embedded executor that `npm start` runs, or
// `inngest-cli dev`), or INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY (Inngest Cloud, or a self-hosted
// `inngest start` with INNGEST_BASE_URL). See lib/env.ts and the README.
import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "textstack" });
