-- CreateTable
CREATE TABLE "account_day_totals" (
    "account_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "amount_in" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "amount_out" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "account_day_totals_pkey" PRIMARY KEY ("account_id","day")
);

-- CreateTable
CREATE TABLE "account_day_deltas" (
    "id" BIGSERIAL NOT NULL,
    "account_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "amount_in" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "amount_out" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "account_day_deltas_pkey" PRIMARY KEY ("id")
);

-- The trial balance reads each account's money in and out by day from here rather than from
-- every posting (as the report summaries of prisma/migrations: part_totals do for the parts):
-- each posting appends a delta in its entry's transaction, book_totals_compact() folds them in,
-- and the trial balance reads totals and deltas together. Postings and entries are
-- append-only, so a posting is added once and never moves. lib/ledger/report-summaries.ts defines
-- the columns again from scratch, and the tests compare. No semicolon in a comment here, and
-- the function bodies write theirs as \073 (adapter-pg splits a migration at each one).
CREATE FUNCTION "book_totals_on_posting"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "account_day_deltas" ("account_id", "day", "amount_in", "amount_out")
  SELECT NEW."account_id", (e."at" AT TIME ZONE ''Asia/Kolkata'')::date, greatest(NEW."amount", 0), greatest(-NEW."amount", 0)
  FROM "journal_entries" e WHERE e."id" = NEW."entry_id"\073
  RETURN NULL\073
END';
CREATE TRIGGER "postings_book_totals" AFTER INSERT ON "postings" FOR EACH ROW EXECUTE FUNCTION "book_totals_on_posting"();

-- Folds the deltas in, one compaction at a time (the others skip), in one statement.
CREATE FUNCTION "book_totals_compact"() RETURNS integer LANGUAGE plpgsql AS E'
DECLARE
  folded integer\073
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext(''book_totals_compact'')) THEN
    RETURN 0\073
  END IF\073
  WITH moved AS (DELETE FROM "account_day_deltas" RETURNING *)
  INSERT INTO "account_day_totals" AS s ("account_id", "day", "amount_in", "amount_out")
  SELECT "account_id", "day", sum("amount_in"), sum("amount_out") FROM moved GROUP BY "account_id", "day"
  ON CONFLICT ("account_id", "day") DO UPDATE SET "amount_in" = s."amount_in" + EXCLUDED."amount_in", "amount_out" = s."amount_out" + EXCLUDED."amount_out"\073
  GET DIAGNOSTICS folded = ROW_COUNT\073
  RETURN folded\073
END';

-- The postings already in the book.
INSERT INTO "account_day_totals" ("account_id", "day", "amount_in", "amount_out")
SELECT p."account_id", (e."at" AT TIME ZONE 'Asia/Kolkata')::date, sum(greatest(p."amount", 0)), sum(greatest(-p."amount", 0))
FROM "postings" p JOIN "journal_entries" e ON e."id" = p."entry_id"
GROUP BY 1, 2;
