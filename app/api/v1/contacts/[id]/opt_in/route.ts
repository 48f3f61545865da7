// POST /api/v1/contacts/{id}/opt_in: opts the contact back in to marketing as a START from them would
// (consent history, audit, contact.opted_in webhook). A contact already opted in is answered as it is.
import { apiRoute } from "@/lib/api/api-route";
import { serializeContact } from "@/lib/api/contacts/serialize-contact";
import { changeConsent } from "@/lib/contacts/change-consent";

export const POST = apiRoute<{ id: string }>("contacts:write", async ({ ctx, params }) => ({
  status: 200,
  body: serializeContact(await changeConsent(ctx, { id: params.id, kind: "OPT_IN" }, "api")),
}));
