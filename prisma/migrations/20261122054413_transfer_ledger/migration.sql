-- CreateEnum
CREATE TYPE "TransferMode" AS ENUM ('IMPS', 'NEFT');

-- CreateEnum
CREATE TYPE "PartState" AS ENUM ('DRAFT', 'OTP_SENT', 'OTP_EXPIRED', 'SUBMITTED', 'PENDING', 'SUCCESS', 'FAILED', 'REFUND_PENDING', 'REFUNDED', 'CANCELLED');

-- CreateTable
CREATE TABLE "remitters" (
    "mobile" VARCHAR(10) NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "pincode" VARCHAR(6),
    "address" TEXT,
    "date_of_birth" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "remitters_pkey" PRIMARY KEY ("mobile")
);

-- CreateTable
CREATE TABLE "transfers" (
    "id" UUID NOT NULL,
    "outlet_id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "remitter_mobile" VARCHAR(10) NOT NULL,
    "remitter_name" TEXT NOT NULL,
    "beneficiary_id" TEXT NOT NULL,
    "beneficiary_name" TEXT NOT NULL,
    "bank_name" TEXT,
    "ifsc" TEXT,
    "account_masked" TEXT,
    "mode" "TransferMode" NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "pincode" VARCHAR(6) NOT NULL,
    "address" TEXT NOT NULL,
    "date_of_birth" DATE NOT NULL,
    "latitude" DECIMAL(9,6) NOT NULL,
    "longitude" DECIMAL(9,6) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transfers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transfer_parts" (
    "id" UUID NOT NULL,
    "transfer_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "state" "PartState" NOT NULL DEFAULT 'DRAFT',
    "stateresp" TEXT,
    "otp_sent_at" TIMESTAMPTZ(3),
    "otp_expires_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "settled_at" TIMESTAMPTZ(3),
    "utr" TEXT,
    "ackno" TEXT,
    "failure_reason" TEXT,
    "customer_charge" DECIMAL(12,2) NOT NULL,
    "gst" DECIMAL(12,2) NOT NULL,
    "commission" DECIMAL(12,2) NOT NULL,
    "tds" DECIMAL(12,2) NOT NULL,
    "net_commission" DECIMAL(12,2) NOT NULL,
    "reported_customer_charge" DECIMAL(12,2),
    "reported_gst" DECIMAL(12,2),
    "reported_discount" DECIMAL(12,2),
    "reported_tds" DECIMAL(12,2),
    "reported_net_commission" DECIMAL(12,2),
    "next_check_at" TIMESTAMPTZ(3),
    "check_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "transfer_parts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transfer_events" (
    "id" BIGSERIAL NOT NULL,
    "part_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from_state" "PartState",
    "to_state" "PartState" NOT NULL,
    "actor_id" UUID,
    "cause" TEXT NOT NULL,
    "exchange_id" BIGINT,
    "details" JSONB,

    CONSTRAINT "transfer_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "transfers_agent_id_created_at_idx" ON "transfers"("agent_id", "created_at");

-- CreateIndex
CREATE INDEX "transfers_outlet_id_created_at_idx" ON "transfers"("outlet_id", "created_at");

-- CreateIndex
CREATE INDEX "transfers_remitter_mobile_created_at_idx" ON "transfers"("remitter_mobile", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "transfer_parts_reference_key" ON "transfer_parts"("reference");

-- CreateIndex
CREATE INDEX "transfer_parts_state_next_check_at_idx" ON "transfer_parts"("state", "next_check_at");

-- CreateIndex
CREATE UNIQUE INDEX "transfer_parts_transfer_id_seq_key" ON "transfer_parts"("transfer_id", "seq");

-- CreateIndex
CREATE INDEX "transfer_events_part_id_at_idx" ON "transfer_events"("part_id", "at");

-- AddForeignKey
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_remitter_mobile_fkey" FOREIGN KEY ("remitter_mobile") REFERENCES "remitters"("mobile") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_parts" ADD CONSTRAINT "transfer_parts_transfer_id_fkey" FOREIGN KEY ("transfer_id") REFERENCES "transfers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_events" ADD CONSTRAINT "transfer_events_part_id_fkey" FOREIGN KEY ("part_id") REFERENCES "transfer_parts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
