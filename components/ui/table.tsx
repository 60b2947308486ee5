/**
 * A table of rows: its header, one row per item, what shows when there is none, and the frame
 * that scrolls sideways on a phone instead of the page. Each look is one of the portal's table
 * styles, so a screen picks a look and writes only its columns.
 */
import type { ReactNode } from "react";
import { cardClasses } from "@/components/ui/card";

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Figures: the header and the cells right-aligned. */
  align?: "right";
  /** The cell names its row (th scope="row"): a figure, a day, an outlet. */
  rowHeader?: boolean;
  /** Added to the column's body cells (a function for classes that depend on the row). */
  className?: string | ((row: Row) => string);
  /** Added to the column's header cell. */
  headerClassName?: string;
}

/** Classes by position: the figures looks pad the first and last columns on one side only. */
type ByPosition = string | ((index: number, count: number) => string);

interface Look {
  frame: string;
  table: string;
  head?: string;
  headRow?: string;
  th: ByPosition;
  td: ByPosition;
  body?: string;
  row?: string;
}

const edges = (first: string, middle: string, last: string) => (index: number, count: number) => (index === 0 ? first : index === count - 1 ? last : middle);

// Positioned, so that a screen-reader-only text in a cell (absolutely placed) stays inside the
// scrolling box instead of widening the whole page on a phone.
const boxed = `relative overflow-x-auto ${cardClasses("none")}`;

const looks = {
  /** A long list in its own box: the review's transfers, the audit log, TDS. */
  list: { frame: boxed, table: "w-full text-sm", head: "bg-slate-50 text-left text-slate-600", th: "px-3 py-2 font-medium", td: "px-3 py-2", row: "border-t border-slate-100" },
  /** The admin's lists of users and outlets. */
  grid: { frame: boxed, table: "min-w-full divide-y divide-slate-200 text-left text-sm", head: "bg-slate-50 text-slate-600", th: "px-4 py-3 font-semibold", td: "px-4 py-3", body: "divide-y divide-slate-100" },
  /** A grid inside a card that already has the border: AOPay's codes and exchanges. */
  gridInCard: { frame: "overflow-x-auto", table: "min-w-full divide-y divide-slate-200 text-left text-sm", head: "bg-slate-50 text-slate-600", th: "px-4 py-2 font-semibold", td: "px-4 py-2", body: "divide-y divide-slate-100" },
  /** What is wrong with a refused file, line by line. */
  problems: {
    frame: "relative overflow-x-auto rounded-xl border border-red-200 bg-white",
    table: "min-w-full divide-y divide-slate-200 text-left text-sm",
    head: "bg-red-50 text-slate-700",
    th: "px-3 py-2 font-semibold",
    td: "px-3 py-2",
    body: "divide-y divide-slate-100",
  },
  /** Figures side by side in a section: reconciliation and the statement report. */
  figures: {
    frame: "relative overflow-x-auto",
    table: "min-w-full text-sm",
    headRow: "border-b border-slate-200 text-left text-slate-600",
    th: edges("py-2 pr-3 font-medium", "px-2 py-2 font-medium", "py-2 pl-2 font-medium"),
    td: edges("py-2 pr-3", "px-2 py-2", "py-2 pl-2"),
    row: "border-b border-slate-100",
  },
  /** Figures inside one item of a list: tighter, ruled between rows. */
  figuresInItem: {
    frame: "relative overflow-x-auto",
    table: "min-w-full text-sm",
    headRow: "text-left text-slate-600",
    th: edges("py-1 pr-3 font-medium", "px-2 py-1 font-medium", "py-1 pl-2 font-medium"),
    td: edges("py-1 pr-3", "px-2 py-1", "py-1 pl-2"),
    row: "border-t border-slate-100",
  },
  /** `figures` that fits four columns into 360 pixels. */
  figuresOnPhones: {
    frame: "relative overflow-x-auto",
    table: "min-w-full text-xs sm:text-sm",
    headRow: "border-b border-slate-200 text-left text-slate-600",
    th: edges("py-2 pr-2 font-medium sm:pr-3", "px-1.5 py-2 font-medium sm:px-3", "py-2 pl-1.5 font-medium sm:pl-3"),
    td: edges("py-2 pr-2 sm:pr-3", "px-1.5 py-2 sm:px-3", "py-2 pl-1.5 sm:pl-3"),
    row: "border-b border-slate-100",
  },
  /** `figuresInItem` that fits four columns into 360 pixels. */
  figuresInItemOnPhones: {
    frame: "relative overflow-x-auto",
    table: "min-w-full text-xs sm:text-sm",
    headRow: "text-left text-slate-600",
    th: edges("py-1 pr-2 font-medium sm:pr-3", "px-1.5 py-1 font-medium sm:px-2", "py-1 pl-1.5 font-medium sm:pl-2"),
    td: edges("py-1 pr-2 sm:pr-3", "px-1.5 py-1 sm:px-2", "py-1 pl-1.5 sm:pl-2"),
    row: "border-t border-slate-100",
  },
} satisfies Record<string, Look>;

export type TableLook = keyof typeof looks;

const at = (classes: ByPosition, index: number, count: number) => (typeof classes === "string" ? classes : classes(index, count));
const join = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(" ");

type RowAttributes = { className?: string } & { [data: `data-${string}`]: string | undefined };

export function Table<Row>({
  look,
  columns,
  rows,
  rowKey,
  rowProps,
  empty,
  testId,
  className,
  frameClassName,
  lead,
  footer,
}: {
  look: TableLook;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** A row's own classes and data attributes. */
  rowProps?: (row: Row) => RowAttributes;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  testId?: string;
  /** Added to the table (a minimum width that makes it scroll on phones). */
  className?: string;
  /** Added to the frame. */
  frameClassName?: string;
  /** Inside the frame, above the table. */
  lead?: ReactNode;
  /** A <tfoot>. */
  footer?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const style: Look = looks[look];
  const count = columns.length;
  return (
    <div className={join(style.frame, frameClassName)}>
      {lead}
      <table className={join(style.table, className)} data-testid={testId}>
        <thead className={style.head}>
          <tr className={style.headRow}>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={join(at(style.th, i, count), column.align === "right" && "text-right", column.headerClassName)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={style.body}>
          {rows.map((row, r) => {
            const { className: rowClassName, ...data } = rowProps?.(row) ?? {};
            return (
              <tr key={rowKey(row, r)} className={join(style.row, rowClassName) || undefined} {...data}>
                {columns.map((column, i) => {
                  const extra = typeof column.className === "function" ? column.className(row) : column.className;
                  const classes = join(at(style.td, i, count), column.rowHeader && "text-left font-normal", column.align === "right" && "text-right", extra);
                  return column.rowHeader ? (
                    <th key={i} scope="row" className={classes}>
                      {column.cell(row, r)}
                    </th>
                  ) : (
                    <td key={i} className={classes}>
                      {column.cell(row, r)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
        {footer}
      </table>
    </div>
  );
}
