-- AlterTable
ALTER TABLE "transfers" ADD COLUMN     "request_key" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "transfers_request_key_key" ON "transfers"("request_key");
