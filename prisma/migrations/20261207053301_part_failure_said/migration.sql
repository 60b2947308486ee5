-- AlterTable
ALTER TABLE "transfer_parts" ADD COLUMN     "failure_said" TEXT;
