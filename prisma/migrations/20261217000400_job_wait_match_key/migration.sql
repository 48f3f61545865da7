-- A wait's index key (executor/events/wait-key.ts): the incoming event's field its expression pins
-- and the value it must have. Waits stored before this have none and are evaluated for every event
-- of their name, as all were; the old index on eventName alone is a prefix of the new one.
ALTER TABLE "JobWait" ADD COLUMN "matchPath" TEXT, ADD COLUMN "matchValue" TEXT;

DROP INDEX "JobWait_eventName_idx";

CREATE INDEX "JobWait_eventName_matchPath_matchValue_idx" ON "JobWait"("eventName", "matchPath", "matchValue");
