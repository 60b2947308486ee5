-- CreateIndex
CREATE INDEX "transfer_parts_created_at_id_idx" ON "transfer_parts"("created_at", "id");
