-- AlterTable
ALTER TABLE "transfer_parts" ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "leased_by" TEXT,
ADD COLUMN     "needs_review_at" TIMESTAMPTZ(3),
ADD COLUMN     "refund_otp_sent_at" TIMESTAMPTZ(3),
ADD COLUMN     "refund_txn_id" TEXT,
ADD COLUMN     "refunded_at" TIMESTAMPTZ(3);
