-- CreateIndex
CREATE INDEX "statement_rows_import_id_line_number_idx" ON "statement_rows"("import_id", "line_number");
