-- CreateIndex
CREATE INDEX "transfer_events_at_idx" ON "transfer_events"("at");
