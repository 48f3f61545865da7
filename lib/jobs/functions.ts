// Every Inngest function of the app (one file each in lib/jobs/), served at /api/inngest and
// registered with the Inngest server on sync. Nothing runs in the background yet.
import type { InngestFunction } from "inngest";

export const functions: InngestFunction.Any[] = [];
