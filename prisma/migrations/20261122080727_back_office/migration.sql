-- AlterTable
ALTER TABLE "transfer_parts" ADD COLUMN     "plan_id" UUID;

-- CreateTable
CREATE TABLE "charge_plans" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "slabs" JSONB NOT NULL,
    "api_charge" DECIMAL(12,2) NOT NULL,
    "gst_rate" DECIMAL(6,4) NOT NULL,
    "tds_rate" DECIMAL(6,4) NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charge_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_imports" (
    "id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "imported_by_id" UUID NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL,
    "row_count" INTEGER NOT NULL,

    CONSTRAINT "statement_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_rows" (
    "id" BIGSERIAL NOT NULL,
    "import_id" UUID NOT NULL,
    "line_number" INTEGER NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "day" DATE NOT NULL,
    "transacted_at" TIMESTAMPTZ(3) NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "customer_charge" DECIMAL(12,2) NOT NULL,
    "gst" DECIMAL(12,2) NOT NULL,
    "tds" DECIMAL(12,2) NOT NULL,
    "net_commission" DECIMAL(12,2) NOT NULL,
    "utr" TEXT,
    "status" TEXT NOT NULL,

    CONSTRAINT "statement_rows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciled_days" (
    "day" DATE NOT NULL,
    "locked_by_id" UUID NOT NULL,
    "locked_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "summary" JSONB NOT NULL,

    CONSTRAINT "reconciled_days_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE UNIQUE INDEX "charge_plans_effective_from_key" ON "charge_plans"("effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "statement_imports_sha256_key" ON "statement_imports"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "statement_rows_reference_key" ON "statement_rows"("reference");

-- CreateIndex
CREATE INDEX "statement_rows_day_idx" ON "statement_rows"("day");

-- AddForeignKey
ALTER TABLE "statement_rows" ADD CONSTRAINT "statement_rows_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "statement_imports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
