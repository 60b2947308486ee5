-- CreateIndex
CREATE INDEX "audit_events_actor_label_at_idx" ON "audit_events"("actor_label", "at");
