// POST /api/v1/contacts/{id}/opt_out: opts the contact out of marketing as a STOP from them would
// (consent history, audit, contact.opted_out webhook, their pending marketing canceled). A contact
// already opted out is answered as it is.
import { apiRoute } from "@/lib/api/api-route";
import { serializeContact } from "@/lib/api/contacts/serialize-contact";
import { changeConsent } from "@/lib/contacts/change-consent";

export const POST = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params }) => ({
  status: 200,
  body: serializeContact(await changeConsent(ctx, { id: params.id, kind: "OPT_OUT" }, "api")),
}));
