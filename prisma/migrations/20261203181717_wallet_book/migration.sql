-- CreateEnum
CREATE TYPE "AccountKind" AS ENUM ('OUTLET_WALLET', 'HELD_FOR_TRANSFERS', 'AOPAY_SETTLEMENT', 'COMMISSION_PAID', 'TDS_PAYABLE', 'DEPOSITS_RECEIVED', 'ADJUSTMENTS');

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "AccountKind" NOT NULL,
    "outlet_id" UUID,
    "balance" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journal_entries" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cause" TEXT NOT NULL,
    "part_id" UUID,
    "event_id" BIGINT,
    "actor_id" UUID,
    "memo" TEXT,

    CONSTRAINT "journal_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "postings" (
    "id" BIGSERIAL NOT NULL,
    "entry_id" BIGINT NOT NULL,
    "account_id" UUID NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "postings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_key_key" ON "accounts"("key");

-- CreateIndex
CREATE INDEX "accounts_outlet_id_idx" ON "accounts"("outlet_id");

-- CreateIndex
CREATE INDEX "journal_entries_part_id_idx" ON "journal_entries"("part_id");

-- CreateIndex
CREATE INDEX "journal_entries_at_idx" ON "journal_entries"("at");

-- CreateIndex
CREATE INDEX "postings_account_id_entry_id_idx" ON "postings"("account_id", "entry_id");

-- CreateIndex
CREATE INDEX "postings_entry_id_idx" ON "postings"("entry_id");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_outlet_id_fkey" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postings" ADD CONSTRAINT "postings_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postings" ADD CONSTRAINT "postings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---- What the database itself holds the book to (not expressible in schema.prisma) ----
-- The migration runner for PostgreSQL (@prisma/adapter-pg's executeScript) splits a script at
-- every semicolon, comments and function bodies included: so no comment here has one, and the
-- function bodies are E'' strings that write theirs as \073.

-- A wallet belongs to an outlet and the book's own accounts to none. Only a wallet keeps a
-- running balance (the others are summed when asked, or they would be one hot row locked by
-- every transfer), and a wallet never goes below zero.
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_wallet_has_outlet" CHECK (("kind" = 'OUTLET_WALLET') = ("outlet_id" IS NOT NULL));
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_balance_wallets_only" CHECK ("kind" = 'OUTLET_WALLET' OR "balance" = 0);
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_wallet_not_negative" CHECK ("balance" >= 0);

-- The book's own accounts, one of each.
INSERT INTO "accounts" ("id", "key", "kind") VALUES
  (gen_random_uuid(), 'book:HELD_FOR_TRANSFERS', 'HELD_FOR_TRANSFERS'),
  (gen_random_uuid(), 'book:AOPAY_SETTLEMENT', 'AOPAY_SETTLEMENT'),
  (gen_random_uuid(), 'book:COMMISSION_PAID', 'COMMISSION_PAID'),
  (gen_random_uuid(), 'book:TDS_PAYABLE', 'TDS_PAYABLE'),
  (gen_random_uuid(), 'book:DEPOSITS_RECEIVED', 'DEPOSITS_RECEIVED'),
  (gen_random_uuid(), 'book:ADJUSTMENTS', 'ADJUSTMENTS');

-- Each posting moves its wallet's running balance, in the posting's transaction and under the
-- wallet's row lock.
CREATE FUNCTION "wallet_book_apply_posting"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "accounts" SET "balance" = "balance" + NEW."amount" WHERE "id" = NEW."account_id" AND "kind" = ''OUTLET_WALLET''\073
  RETURN NEW\073
END';
CREATE TRIGGER "postings_apply" AFTER INSERT ON "postings" FOR EACH ROW EXECUTE FUNCTION "wallet_book_apply_posting"();

-- A balance changes only through postings (the trigger above runs one level down).
CREATE FUNCTION "wallet_book_balance_guard"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."balance" IS DISTINCT FROM OLD."balance" AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION ''an account balance changes only through postings'' USING ERRCODE = ''55000''\073
  END IF\073
  RETURN NEW\073
END';
CREATE TRIGGER "accounts_balance_guard" BEFORE UPDATE ON "accounts" FOR EACH ROW EXECUTE FUNCTION "wallet_book_balance_guard"();

-- An entry's postings sum to zero, and there are at least two. Row triggers AFTER an INSERT run
-- when the whole statement is done, so an entry's postings are written in one statement
-- (lib/wallet/book.ts) and checked together. Not deferred to the commit: the PGlite adapter
-- drops an error raised at commit.
CREATE FUNCTION "wallet_book_check_entry"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  total numeric\073
  lines integer\073
BEGIN
  SELECT coalesce(sum("amount"), 0), count(*) INTO total, lines FROM "postings" WHERE "entry_id" = NEW."entry_id"\073
  IF total <> 0 OR lines < 2 THEN
    RAISE EXCEPTION ''journal entry % does not balance: its % postings sum to %'', NEW."entry_id", lines, total USING ERRCODE = ''23514''\073
  END IF\073
  RETURN NULL\073
END';
CREATE TRIGGER "postings_balance" AFTER INSERT ON "postings" FOR EACH ROW EXECUTE FUNCTION "wallet_book_check_entry"();

-- Entries and postings are never changed or removed: a correction is a new entry.
CREATE FUNCTION "wallet_book_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''% is append-only: post a correcting entry instead'', TG_TABLE_NAME USING ERRCODE = ''55000''\073
END';
CREATE TRIGGER "postings_append_only" BEFORE UPDATE OR DELETE ON "postings" FOR EACH ROW EXECUTE FUNCTION "wallet_book_append_only"();
CREATE TRIGGER "journal_entries_append_only" BEFORE UPDATE OR DELETE ON "journal_entries" FOR EACH ROW EXECUTE FUNCTION "wallet_book_append_only"();
