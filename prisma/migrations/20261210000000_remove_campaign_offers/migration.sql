-- campaign.completed and campaigns:write were offered before anything sent or checked them, and are
-- offered no more (lib/webhooks/event-types.ts, lib/api-keys/scopes.ts). Stored endpoints and keys
-- lose them here, rather than every reader learning to skip values it does not know: left in, an
-- endpoint's edit form would carry the unlisted event unseen and be refused on save ("Unknown event
-- type"), and the keys list would go on showing the scope. Nothing that worked stops working: an
-- endpoint keeps its other events, a key its other scopes; one that held nothing else keeps an empty
-- list, and gets nothing or may do nothing, as before.
UPDATE "WebhookEndpoint" SET "eventTypes" = array_remove("eventTypes", 'campaign.completed') WHERE 'campaign.completed' = ANY("eventTypes");
UPDATE "ApiKey" SET scopes = array_remove(scopes, 'campaigns:write') WHERE 'campaigns:write' = ANY(scopes);
