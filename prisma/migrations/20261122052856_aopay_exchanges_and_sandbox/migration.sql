-- CreateTable
CREATE TABLE "aopay_exchanges" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "call" TEXT NOT NULL,
    "reference" TEXT,
    "registration_id" TEXT,
    "url" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "request" JSONB NOT NULL,
    "http_status" INTEGER,
    "response_body" TEXT,
    "latency_ms" INTEGER NOT NULL,
    "failure" TEXT,

    CONSTRAINT "aopay_exchanges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_remitters" (
    "mobile" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_remitters_pkey" PRIMARY KEY ("mobile")
);

-- CreateTable
CREATE TABLE "sandbox_ekycs" (
    "id" SERIAL NOT NULL,
    "mobile" TEXT NOT NULL,
    "aadhaar_last4" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_ekycs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_beneficiaries" (
    "id" SERIAL NOT NULL,
    "mobile" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bank_id" TEXT NOT NULL,
    "account_number" TEXT NOT NULL,
    "ifsc" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_beneficiaries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_otps" (
    "id" SERIAL NOT NULL,
    "registration_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "stateresp" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "subject" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "replaced_at" TIMESTAMPTZ(3),

    CONSTRAINT "sandbox_otps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_transfers" (
    "reference" TEXT NOT NULL,
    "registration_id" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "beneficiary_id" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "ackno" TEXT NOT NULL,
    "utr" TEXT,
    "state" TEXT NOT NULL,
    "pending_asks_left" INTEGER NOT NULL,
    "customer_charge" DECIMAL(12,2) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "refunded_at" TIMESTAMPTZ(3),
    "refund_txn_id" TEXT,

    CONSTRAINT "sandbox_transfers_pkey" PRIMARY KEY ("reference")
);

-- CreateIndex
CREATE INDEX "aopay_exchanges_reference_at_idx" ON "aopay_exchanges"("reference", "at");

-- CreateIndex
CREATE INDEX "aopay_exchanges_at_idx" ON "aopay_exchanges"("at");

-- CreateIndex
CREATE INDEX "sandbox_ekycs_mobile_created_at_idx" ON "sandbox_ekycs"("mobile", "created_at");

-- CreateIndex
CREATE INDEX "sandbox_beneficiaries_mobile_idx" ON "sandbox_beneficiaries"("mobile");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_otps_stateresp_key" ON "sandbox_otps"("stateresp");

-- CreateIndex
CREATE INDEX "sandbox_otps_mobile_purpose_created_at_idx" ON "sandbox_otps"("mobile", "purpose", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_transfers_ackno_key" ON "sandbox_transfers"("ackno");

-- CreateIndex
CREATE INDEX "sandbox_transfers_mobile_created_at_idx" ON "sandbox_transfers"("mobile", "created_at");
