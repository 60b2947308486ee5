-- CreateTable
CREATE TABLE "part_hour_totals" (
    "ist_hour" TIMESTAMP(0) NOT NULL,
    "outlet_id" UUID NOT NULL,
    "state" "PartState" NOT NULL,
    "mode" "TransferMode" NOT NULL,
    "parts" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "customer_charge" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "commission" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "conflicting" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "part_hour_totals_pkey" PRIMARY KEY ("ist_hour","outlet_id","state","mode")
);

-- CreateTable
CREATE TABLE "part_day_totals" (
    "day" DATE NOT NULL,
    "outlet_id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "state" "PartState" NOT NULL,
    "parts" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "customer_charge" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "gst" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "commission" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "tds" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "net_commission" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_customer_charge" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_gst" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_discount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_tds" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_net_commission" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "differing" INTEGER NOT NULL DEFAULT 0,
    "unreported" INTEGER NOT NULL DEFAULT 0,
    "in_statement" INTEGER NOT NULL DEFAULT 0,
    "tds_reported" INTEGER NOT NULL DEFAULT 0,
    "tds_gross" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "tds_tds" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "tds_net" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "part_day_totals_pkey" PRIMARY KEY ("day","outlet_id","agent_id","state")
);

-- CreateTable
CREATE TABLE "part_hour_deltas" (
    "id" BIGSERIAL NOT NULL,
    "ist_hour" TIMESTAMP(0) NOT NULL,
    "outlet_id" UUID NOT NULL,
    "state" "PartState" NOT NULL,
    "mode" "TransferMode" NOT NULL,
    "parts" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "customer_charge" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "commission" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "conflicting" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "part_hour_deltas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "part_day_deltas" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "outlet_id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "state" "PartState" NOT NULL,
    "parts" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "customer_charge" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "gst" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "commission" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "tds" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "net_commission" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_customer_charge" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_gst" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_discount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_tds" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "reported_net_commission" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "differing" INTEGER NOT NULL DEFAULT 0,
    "unreported" INTEGER NOT NULL DEFAULT 0,
    "in_statement" INTEGER NOT NULL DEFAULT 0,
    "tds_reported" INTEGER NOT NULL DEFAULT 0,
    "tds_gross" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "tds_tds" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "tds_net" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "part_day_deltas_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "part_hour_totals_outlet_id_ist_hour_idx" ON "part_hour_totals"("outlet_id", "ist_hour");

-- The summaries are kept by the database, in the transaction of each change, so that no total
-- can drift from the parts: a part's contribution is taken out under its old key and put in
-- under its new one whenever a column a total reads changes. Money path updates that touch no
-- such column (leases, schedules) fire nothing. A change appends deltas (an INSERT takes no
-- lock that another transaction waits for, where updating a shared total row would hold it to the
-- commit, and serialise every counter of an outlet behind it). The reports read totals and
-- deltas together, and part_totals_compact() folds the deltas into the totals. What each
-- column holds is defined once more, from scratch, in lib/ledger/report-summaries.ts, and a test
-- compares the two after every ledger scenario. adapter-pg splits a migration at every semicolon, comments and function bodies
-- included: so no comment here has one, and the function bodies are E'' strings that write
-- theirs as \073.

-- One part's contribution, times sign (1 or -1), under the key of the given transfer fields
-- (a part belongs to the India hour and day its transfer was started, as on the review screens).
-- The figure tests are lib/reconciliation/figures.ts's (Rs 0.01 tolerance) and the TDS choice
-- is lib/tds/figures.ts's: AOPay's figures where it reported both TDS and net commission.
CREATE FUNCTION "part_totals_add"(p "transfer_parts", k_at timestamptz, k_outlet uuid, k_agent uuid, k_mode "TransferMode", sign integer) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  is_tds_reported boolean := p.reported_tds IS NOT NULL AND p.reported_net_commission IS NOT NULL\073
  is_unreported boolean := p.reported_customer_charge IS NULL OR p.reported_gst IS NULL OR p.reported_tds IS NULL OR p.reported_net_commission IS NULL\073
  is_differing boolean := NOT is_unreported AND (abs(p.reported_customer_charge - p.customer_charge) > 0.01 OR abs(p.reported_gst - p.gst) > 0.01
                         OR abs(p.reported_tds - p.tds) > 0.01 OR abs(p.reported_net_commission - p.net_commission) > 0.01)\073
BEGIN
  INSERT INTO "part_hour_deltas" ("ist_hour", "outlet_id", "state", "mode", "parts", "amount", "customer_charge", "commission", "conflicting")
  VALUES (date_trunc(''hour'', k_at AT TIME ZONE ''Asia/Kolkata''), k_outlet, p.state, k_mode, sign, sign * p.amount,
          sign * p.customer_charge, sign * p.commission,
          CASE WHEN p.conflicting_at IS NOT NULL AND p.conflict_settled_at IS NULL THEN sign ELSE 0 END)\073
  INSERT INTO "part_day_deltas" ("day", "outlet_id", "agent_id", "state", "parts", "amount", "customer_charge", "gst", "commission", "tds", "net_commission", "reported_customer_charge", "reported_gst", "reported_discount", "reported_tds", "reported_net_commission", "differing", "unreported", "in_statement", "tds_reported", "tds_gross", "tds_tds", "tds_net")
  VALUES ((k_at AT TIME ZONE ''Asia/Kolkata'')::date, k_outlet, k_agent, p.state, sign, sign * p.amount, sign * p.customer_charge,
          sign * p.gst, sign * p.commission, sign * p.tds, sign * p.net_commission,
          sign * coalesce(p.reported_customer_charge, 0), sign * coalesce(p.reported_gst, 0), sign * coalesce(p.reported_discount, 0),
          sign * coalesce(p.reported_tds, 0), sign * coalesce(p.reported_net_commission, 0),
          CASE WHEN is_differing THEN sign ELSE 0 END, CASE WHEN is_unreported THEN sign ELSE 0 END,
          CASE WHEN EXISTS (SELECT 1 FROM "statement_rows" r WHERE r."reference" = p.reference) THEN sign ELSE 0 END,
          CASE WHEN is_tds_reported THEN sign ELSE 0 END,
          sign * CASE WHEN is_tds_reported THEN p.reported_net_commission + p.reported_tds ELSE p.commission END,
          sign * CASE WHEN is_tds_reported THEN p.reported_tds ELSE p.tds END,
          sign * CASE WHEN is_tds_reported THEN p.reported_net_commission ELSE p.net_commission END)\073
END';

-- A part written, changed or removed.
CREATE FUNCTION "part_totals_on_part"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  was record\073
  now_ record\073
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    SELECT "created_at", "outlet_id", "agent_id", "mode" INTO was FROM "transfers" WHERE "id" = OLD."transfer_id"\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    SELECT "created_at", "outlet_id", "agent_id", "mode" INTO now_ FROM "transfers" WHERE "id" = NEW."transfer_id"\073
  END IF\073
  IF TG_OP = ''INSERT'' THEN
    PERFORM "part_totals_add"(NEW, now_."created_at", now_."outlet_id", now_."agent_id", now_."mode", 1)\073
  ELSIF TG_OP = ''DELETE'' THEN
    PERFORM "part_totals_add"(OLD, was."created_at", was."outlet_id", was."agent_id", was."mode", -1)\073
  ELSE
    PERFORM "part_totals_add"(OLD, was."created_at", was."outlet_id", was."agent_id", was."mode", -1)\073
    PERFORM "part_totals_add"(NEW, now_."created_at", now_."outlet_id", now_."agent_id", now_."mode", 1)\073
  END IF\073
  RETURN NULL\073
END';
CREATE TRIGGER "part_totals_insert" AFTER INSERT ON "transfer_parts" FOR EACH ROW EXECUTE FUNCTION "part_totals_on_part"();
CREATE TRIGGER "part_totals_delete" AFTER DELETE ON "transfer_parts" FOR EACH ROW EXECUTE FUNCTION "part_totals_on_part"();
CREATE TRIGGER "part_totals_update" AFTER UPDATE ON "transfer_parts" FOR EACH ROW
  WHEN (OLD."state" IS DISTINCT FROM NEW."state" OR OLD."transfer_id" IS DISTINCT FROM NEW."transfer_id"
    OR OLD."reference" IS DISTINCT FROM NEW."reference"
    OR OLD."amount" IS DISTINCT FROM NEW."amount" OR OLD."customer_charge" IS DISTINCT FROM NEW."customer_charge"
    OR OLD."gst" IS DISTINCT FROM NEW."gst" OR OLD."commission" IS DISTINCT FROM NEW."commission"
    OR OLD."tds" IS DISTINCT FROM NEW."tds" OR OLD."net_commission" IS DISTINCT FROM NEW."net_commission"
    OR OLD."reported_customer_charge" IS DISTINCT FROM NEW."reported_customer_charge"
    OR OLD."reported_gst" IS DISTINCT FROM NEW."reported_gst" OR OLD."reported_discount" IS DISTINCT FROM NEW."reported_discount"
    OR OLD."reported_tds" IS DISTINCT FROM NEW."reported_tds"
    OR OLD."reported_net_commission" IS DISTINCT FROM NEW."reported_net_commission"
    OR OLD."conflicting_at" IS DISTINCT FROM NEW."conflicting_at" OR OLD."conflict_settled_at" IS DISTINCT FROM NEW."conflict_settled_at")
  EXECUTE FUNCTION "part_totals_on_part"();

-- A transfer's time, outlet, agent or mode changed (the portal never does this, but the totals stay
-- exact if anything does): each part moves to its new key. The parts are locked first, so a
-- part change running beside this either finishes before it or sees the new transfer.
CREATE FUNCTION "part_totals_on_transfer"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  part "transfer_parts"\073
BEGIN
  FOR part IN SELECT * FROM "transfer_parts" WHERE "transfer_id" = NEW."id" ORDER BY "id" FOR UPDATE LOOP
    PERFORM "part_totals_add"(part, OLD."created_at", OLD."outlet_id", OLD."agent_id", OLD."mode", -1)\073
    PERFORM "part_totals_add"(part, NEW."created_at", NEW."outlet_id", NEW."agent_id", NEW."mode", 1)\073
  END LOOP\073
  RETURN NULL\073
END';
CREATE TRIGGER "part_totals_transfer" AFTER UPDATE ON "transfers" FOR EACH ROW
  WHEN (OLD."created_at" IS DISTINCT FROM NEW."created_at" OR OLD."outlet_id" IS DISTINCT FROM NEW."outlet_id" OR OLD."agent_id" IS DISTINCT FROM NEW."agent_id" OR OLD."mode" IS DISTINCT FROM NEW."mode")
  EXECUTE FUNCTION "part_totals_on_transfer"();

-- A statement row added or removed: its part (if the ledger has it) counts as in a statement,
-- or no longer. The part is locked first, so a change of the part at the same time either
-- finishes before this (and this reads its new state) or sees the row.
CREATE FUNCTION "part_totals_on_statement_row"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  ref text\073
  sign integer\073
  part record\073
BEGIN
  FOR ref, sign IN
    SELECT OLD."reference", -1 WHERE TG_OP <> ''INSERT''
    UNION ALL SELECT NEW."reference", 1 WHERE TG_OP <> ''DELETE''
  LOOP
    SELECT t."created_at", p."state", t."outlet_id", t."agent_id" INTO part
      FROM "transfer_parts" p JOIN "transfers" t ON t."id" = p."transfer_id" WHERE p."reference" = ref FOR UPDATE OF p\073
    IF FOUND THEN
      INSERT INTO "part_day_deltas" ("day", "outlet_id", "agent_id", "state", "in_statement")
      VALUES ((part."created_at" AT TIME ZONE ''Asia/Kolkata'')::date, part."outlet_id", part."agent_id", part."state", sign)\073
    END IF\073
  END LOOP\073
  RETURN NULL\073
END';
CREATE TRIGGER "part_totals_statement_row" AFTER INSERT OR DELETE OR UPDATE OF "reference" ON "statement_rows" FOR EACH ROW
  EXECUTE FUNCTION "part_totals_on_statement_row"();

-- Folds the deltas into the totals: one statement per summary moves every committed delta, so a
-- report (which reads totals and deltas in one statement) sees each change once, before or
-- after. One compaction at a time (the others skip: the next report folds what they left).
-- Returns how many total rows it wrote.
CREATE FUNCTION "part_totals_compact"() RETURNS integer LANGUAGE plpgsql AS E'
DECLARE
  folded integer := 0\073
  n integer\073
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext(''part_totals_compact'')) THEN
    RETURN 0\073
  END IF\073
  WITH moved AS (DELETE FROM "part_hour_deltas" RETURNING *)
  INSERT INTO "part_hour_totals" AS s ("ist_hour", "outlet_id", "state", "mode", "parts", "amount", "customer_charge", "commission", "conflicting")
  SELECT "ist_hour", "outlet_id", "state", "mode", sum("parts"), sum("amount"), sum("customer_charge"), sum("commission"), sum("conflicting") FROM moved GROUP BY "ist_hour", "outlet_id", "state", "mode"
  ON CONFLICT ("ist_hour", "outlet_id", "state", "mode") DO UPDATE SET "parts" = s."parts" + EXCLUDED."parts", "amount" = s."amount" + EXCLUDED."amount", "customer_charge" = s."customer_charge" + EXCLUDED."customer_charge", "commission" = s."commission" + EXCLUDED."commission", "conflicting" = s."conflicting" + EXCLUDED."conflicting"\073
  GET DIAGNOSTICS n = ROW_COUNT\073
  folded := folded + n\073
  WITH moved AS (DELETE FROM "part_day_deltas" RETURNING *)
  INSERT INTO "part_day_totals" AS s ("day", "outlet_id", "agent_id", "state", "parts", "amount", "customer_charge", "gst", "commission", "tds", "net_commission", "reported_customer_charge", "reported_gst", "reported_discount", "reported_tds", "reported_net_commission", "differing", "unreported", "in_statement", "tds_reported", "tds_gross", "tds_tds", "tds_net")
  SELECT "day", "outlet_id", "agent_id", "state", sum("parts"), sum("amount"), sum("customer_charge"), sum("gst"), sum("commission"), sum("tds"), sum("net_commission"), sum("reported_customer_charge"), sum("reported_gst"), sum("reported_discount"), sum("reported_tds"), sum("reported_net_commission"), sum("differing"), sum("unreported"), sum("in_statement"), sum("tds_reported"), sum("tds_gross"), sum("tds_tds"), sum("tds_net") FROM moved GROUP BY "day", "outlet_id", "agent_id", "state"
  ON CONFLICT ("day", "outlet_id", "agent_id", "state") DO UPDATE SET "parts" = s."parts" + EXCLUDED."parts", "amount" = s."amount" + EXCLUDED."amount", "customer_charge" = s."customer_charge" + EXCLUDED."customer_charge", "gst" = s."gst" + EXCLUDED."gst", "commission" = s."commission" + EXCLUDED."commission", "tds" = s."tds" + EXCLUDED."tds", "net_commission" = s."net_commission" + EXCLUDED."net_commission", "reported_customer_charge" = s."reported_customer_charge" + EXCLUDED."reported_customer_charge", "reported_gst" = s."reported_gst" + EXCLUDED."reported_gst", "reported_discount" = s."reported_discount" + EXCLUDED."reported_discount", "reported_tds" = s."reported_tds" + EXCLUDED."reported_tds", "reported_net_commission" = s."reported_net_commission" + EXCLUDED."reported_net_commission", "differing" = s."differing" + EXCLUDED."differing", "unreported" = s."unreported" + EXCLUDED."unreported", "in_statement" = s."in_statement" + EXCLUDED."in_statement", "tds_reported" = s."tds_reported" + EXCLUDED."tds_reported", "tds_gross" = s."tds_gross" + EXCLUDED."tds_gross", "tds_tds" = s."tds_tds" + EXCLUDED."tds_tds", "tds_net" = s."tds_net" + EXCLUDED."tds_net"\073
  GET DIAGNOSTICS n = ROW_COUNT\073
  folded := folded + n\073
  RETURN folded\073
END';

-- The totals of the parts already in the ledger, by the same function.
SELECT count("part_totals_add"(p, t."created_at", t."outlet_id", t."agent_id", t."mode", 1)) FROM "transfer_parts" p JOIN "transfers" t ON t."id" = p."transfer_id";
SELECT "part_totals_compact"();
