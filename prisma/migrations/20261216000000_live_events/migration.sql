-- Live updates (lib/realtime/): each event a row, published in the transaction whose change it
-- announces and NOTIFYed on commit; the rows are how a browser or a process that missed some catches
-- up. Kept an hour (pruned by the prune-live-events job).
-- txid: the publishing transaction; horizon: the oldest transaction still running when it published
-- (its statement's snapshot's xmin). A listener that has every event committed before event L
-- catches up with the rows whose txid >= L's horizon: every transaction that committed after L's
-- was still running, or had not begun, when L's snapshot was taken (lib/realtime/live-cursor.ts).
CREATE TABLE "LiveEvent" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "txid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "horizon" xid8 NOT NULL DEFAULT pg_snapshot_xmin(pg_current_snapshot()),

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "LiveEvent_orgId_id_idx" ON "LiveEvent"("orgId", "id");
CREATE INDEX "LiveEvent_createdAt_idx" ON "LiveEvent"("createdAt");
