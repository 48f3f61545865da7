// Events of contact imports (lib/contacts/import/), each defined once with the SDK's eventType() and
// the zod schema of its data (see members.ts).
import { eventType } from "inngest";
import { z } from "zod";

const importRef = z.object({ orgId: z.string().min(1), importId: z.string().min(1) });

/** Read the uploaded file into the staging table (the dry run) with the mapping just saved. */
export const contactImportStageRequested = eventType("contacts/import.stage.requested", { schema: importRef });

/** Merge the staged rows into contacts, chunk by chunk. */
export const contactImportRunRequested = eventType("contacts/import.run.requested", { schema: importRef });
