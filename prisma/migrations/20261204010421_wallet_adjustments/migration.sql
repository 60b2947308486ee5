-- CreateEnum
CREATE TYPE "AdjustmentDirection" AS ENUM ('CREDIT', 'DEBIT');

-- CreateEnum
CREATE TYPE "AdjustmentStatus" AS ENUM ('PENDING', 'POSTED', 'REJECTED');

-- CreateTable
CREATE TABLE "wallet_adjustments" (
    "id" UUID NOT NULL,
    "outlet_id" UUID NOT NULL,
    "direction" "AdjustmentDirection" NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "AdjustmentStatus" NOT NULL,
    "maker_id" UUID NOT NULL,
    "checker_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "entry_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wallet_adjustments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "wallet_adjustments_status_created_at_idx" ON "wallet_adjustments"("status", "created_at");

-- CreateIndex
CREATE INDEX "wallet_adjustments_outlet_id_created_at_idx" ON "wallet_adjustments"("outlet_id", "created_at");

-- AddForeignKey
ALTER TABLE "wallet_adjustments" ADD CONSTRAINT "wallet_adjustments_outlet_id_fkey" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wallet_adjustments" ADD CONSTRAINT "wallet_adjustments_maker_id_fkey" FOREIGN KEY ("maker_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wallet_adjustments" ADD CONSTRAINT "wallet_adjustments_checker_id_fkey" FOREIGN KEY ("checker_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Maker-checker, kept by the database as well as by lib/wallet/adjustments.ts: the second
-- admin is never the first, an amount is positive, and a posted adjustment names its entry.
ALTER TABLE "wallet_adjustments" ADD CONSTRAINT "wallet_adjustments_checker_not_maker" CHECK ("checker_id" IS NULL OR "checker_id" <> "maker_id");
ALTER TABLE "wallet_adjustments" ADD CONSTRAINT "wallet_adjustments_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "wallet_adjustments" ADD CONSTRAINT "wallet_adjustments_posted_has_entry" CHECK (("status" = 'POSTED') = ("entry_id" IS NOT NULL));
