-- CreateTable
CREATE TABLE "supervised_outlets" (
    "supervisor_id" UUID NOT NULL,
    "outlet_id" UUID NOT NULL,

    CONSTRAINT "supervised_outlets_pkey" PRIMARY KEY ("supervisor_id","outlet_id")
);

-- CreateTable
CREATE TABLE "transfer_reviews" (
    "transfer_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "note" TEXT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "transfer_reviews_pkey" PRIMARY KEY ("transfer_id")
);

-- CreateIndex
CREATE INDEX "supervised_outlets_outlet_id_idx" ON "supervised_outlets"("outlet_id");

-- CreateIndex
CREATE INDEX "transfer_reviews_reviewer_id_reviewed_at_idx" ON "transfer_reviews"("reviewer_id", "reviewed_at");

-- CreateIndex
CREATE INDEX "transfer_parts_utr_idx" ON "transfer_parts"("utr");

-- CreateIndex
CREATE INDEX "transfer_parts_state_created_at_idx" ON "transfer_parts"("state", "created_at");

-- CreateIndex
CREATE INDEX "transfers_created_at_idx" ON "transfers"("created_at");

-- AddForeignKey
ALTER TABLE "supervised_outlets" ADD CONSTRAINT "supervised_outlets_supervisor_id_fkey" FOREIGN KEY ("supervisor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervised_outlets" ADD CONSTRAINT "supervised_outlets_outlet_id_fkey" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_reviews" ADD CONSTRAINT "transfer_reviews_transfer_id_fkey" FOREIGN KEY ("transfer_id") REFERENCES "transfers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_reviews" ADD CONSTRAINT "transfer_reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
