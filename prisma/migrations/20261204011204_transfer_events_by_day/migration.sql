-- CreateIndex
CREATE INDEX "transfer_events_at_idx" ON "transfer_events"("at");

-- CreateIndex
CREATE INDEX "journal_entries_event_id_idx" ON "journal_entries"("event_id");
