-- AlterTable
ALTER TABLE "aopay_exchanges" ALTER COLUMN "latency_ms" DROP NOT NULL;

-- AlterTable
ALTER TABLE "outlets" ADD COLUMN     "aopay_refused_at" TIMESTAMPTZ(3),
ADD COLUMN     "aopay_refused_call" TEXT,
ADD COLUMN     "aopay_refused_message" TEXT;

-- AlterTable
ALTER TABLE "transfer_parts" ADD COLUMN     "conflict_note" TEXT,
ADD COLUMN     "conflict_reason" TEXT,
ADD COLUMN     "conflict_settled_at" TIMESTAMPTZ(3),
ADD COLUMN     "conflict_settled_by" UUID,
ADD COLUMN     "conflicting_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_checked_at" TIMESTAMPTZ(3),
ADD COLUMN     "reported_refund_txn_id" TEXT,
ADD COLUMN     "reported_refunded_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "transfer_parts_conflicting_at_idx" ON "transfer_parts"("conflicting_at");
