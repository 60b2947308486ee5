-- CreateEnum
CREATE TYPE "FundRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('BANK_TRANSFER', 'UPI');

-- CreateTable
CREATE TABLE "fund_requests" (
    "id" UUID NOT NULL,
    "outlet_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "payment_reference" TEXT NOT NULL,
    "paid_on" DATE NOT NULL,
    "note" TEXT,
    "status" "FundRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "entry_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fund_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "fund_requests_payment_reference_key" ON "fund_requests"("payment_reference");

-- CreateIndex
CREATE INDEX "fund_requests_status_created_at_idx" ON "fund_requests"("status", "created_at");

-- CreateIndex
CREATE INDEX "fund_requests_outlet_id_created_at_idx" ON "fund_requests"("outlet_id", "created_at");

-- AddForeignKey
ALTER TABLE "fund_requests" ADD CONSTRAINT "fund_requests_outlet_id_fkey" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
