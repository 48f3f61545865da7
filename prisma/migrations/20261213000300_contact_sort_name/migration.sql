-- The Contacts page sorts by name, phone, status or created, each a keyset walk over (key, id).
ALTER TABLE "Contact" ADD COLUMN "sortName" TEXT NOT NULL DEFAULT '';

-- Derived here, as searchText is, so no writer (forms, the API, COPY imports) can forget it.
CREATE FUNCTION contact_sort_name() RETURNS trigger AS $$
BEGIN
  NEW."sortName" := lower(concat_ws(' ', NEW."firstName", NEW."lastName"));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER contact_sort_name
  BEFORE INSERT OR UPDATE OF "firstName", "lastName" ON "Contact"
  FOR EACH ROW EXECUTE FUNCTION contact_sort_name();

UPDATE "Contact" SET "sortName" = lower(concat_ws(' ', "firstName", "lastName"))
  WHERE "firstName" IS NOT NULL OR "lastName" IS NOT NULL;

CREATE INDEX "Contact_orgId_sortName_id_idx" ON "Contact"("orgId", "sortName", "id");
CREATE INDEX "Contact_orgId_consentStatus_id_idx" ON "Contact"("orgId", "consentStatus", "id");
