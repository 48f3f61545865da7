-- People's clicks by contact (botReason null: lib/links/bot-reason.ts), for the segment rule
-- "clicked a link in the last N days" / "never" (lib/segments/compile-engagement.ts): its EXISTS
-- probe, and the anti-join of "never", read this index alone instead of every bot request too.
-- Partial, so declared here only (prisma/schema.prisma says so at LinkClick).
CREATE INDEX "LinkClick_people_orgId_contactId_occurredAt_idx" ON "LinkClick"("orgId", "contactId", "occurredAt") WHERE "botReason" IS NULL;
