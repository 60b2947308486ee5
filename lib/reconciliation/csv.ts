/**
 * A small RFC 4180 reader for AOPay's statement: comma-separated fields, records ending in CRLF
 * or LF, fields in double quotes may hold commas, line breaks and doubled quotes (""). Each
 * record keeps the physical line it starts on, so problems can be reported by line number.
 * Its problems are message keys, said in the admin's language where the import shows them.
 */
import type { MessageKey } from "@/lib/i18n/message-key";

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvSyntaxError {
  line: number;
  message: MessageKey;
}

export interface CsvReadResult {
  records: CsvRecord[];
  errors: CsvSyntaxError[];
}

/**
 * Reads every record. A malformed record (a quote inside an unquoted field, text after a
 * closing quote) is reported and left out; an unterminated quote ends the reading there.
 */
export function readCsv(text: string): CsvReadResult {
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;

  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let problem: MessageKey | null = null;
    let field = "";
    let atRecordEnd = false;

    while (!atRecordEnd) {
      if (text[i] === '"') {
        // Quoted field: up to the closing quote; "" is one quote.
        i++;
        let closed = false;
        while (i < n) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === "\n") line++;
          field += ch;
          i++;
        }
        if (!closed) {
          errors.push({ line: start, message: "reconciliation.import.csv.unclosedQuote" });
          return { records, errors };
        }
        // After the closing quote only a comma or the end of the record may follow.
        if (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
          problem ??= "reconciliation.import.csv.textAfterQuote";
          while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
        }
      } else {
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
          if (text[i] === '"') problem ??= "reconciliation.import.csv.strayQuote";
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      field = "";
      if (i >= n) {
        atRecordEnd = true;
      } else if (text[i] === ",") {
        i++;
        // A comma at the very end of the text still opens a last, empty field.
        if (i >= n) {
          fields.push("");
          atRecordEnd = true;
        }
      } else {
        // CRLF, LF, or a lone CR all end the record.
        if (text[i] === "\r" && text[i + 1] === "\n") i++;
        i++;
        line++;
        atRecordEnd = true;
      }
    }

    if (problem) errors.push({ line: start, message: problem });
    else records.push({ line: start, fields });
  }
  return { records, errors };
}
