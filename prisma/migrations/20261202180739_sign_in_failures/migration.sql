-- AlterTable
ALTER TABLE "users" DROP COLUMN "failed_login_count",
DROP COLUMN "locked_until";

-- CreateTable
CREATE TABLE "sign_in_failures" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "username" TEXT NOT NULL,
    "ip" TEXT,
    "device_id" TEXT,

    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_in_failures_username_at_idx" ON "sign_in_failures"("username", "at");

-- CreateIndex
CREATE INDEX "sign_in_failures_ip_at_idx" ON "sign_in_failures"("ip", "at");

-- CreateIndex
CREATE INDEX "sign_in_failures_device_id_at_idx" ON "sign_in_failures"("device_id", "at");
