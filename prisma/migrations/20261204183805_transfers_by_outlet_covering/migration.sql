-- DropIndex
DROP INDEX "transfers_outlet_id_created_at_idx";

-- CreateIndex
CREATE INDEX "transfers_outlet_id_created_at_id_idx" ON "transfers"("outlet_id", "created_at", "id");
