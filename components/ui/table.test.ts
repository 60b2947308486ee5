import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, type Column } from "@/components/ui/table";

interface Row {
  day: string;
  amount: string;
}

const columns: Column<Row>[] = [
  { header: "Day", rowHeader: true, cell: (r) => r.day },
  { header: "Transactions", align: "right", className: "tabular-nums", cell: () => 3 },
  { header: "Amount", align: "right", className: (r) => (r.amount === "0" ? "text-slate-500" : ""), cell: (r) => r.amount },
];

const render = (props: Partial<Parameters<typeof Table<Row>>[0]> & { rows: Row[] }) =>
  renderToStaticMarkup(createElement(Table<Row>, { look: "figures", columns, rowKey: (r) => r.day, ...props }));

describe("Table", () => {
  it("writes column headers, one row per item named by its row header, in a frame that scrolls sideways", () => {
    const html = render({ rows: [{ day: "1 Dec", amount: "10" }, { day: "2 Dec", amount: "0" }], testId: "by-day" });
    expect(html).toMatch(/^<div class="relative overflow-x-auto"><table class="min-w-full text-sm" data-testid="by-day">/);
    expect(html).toContain('<th scope="col" class="py-2 pr-3 font-medium">Day</th>');
    expect(html).toContain('<th scope="col" class="px-2 py-2 font-medium text-right">Transactions</th>');
    expect(html).toContain('<th scope="col" class="py-2 pl-2 font-medium text-right">Amount</th>');
    expect(html).toContain('<th scope="row" class="py-2 pr-3 text-left font-normal">1 Dec</th>');
    expect(html).toContain('<td class="py-2 pl-2 text-right text-slate-500">0</td>');
    expect(html.match(/<tr class="border-b border-slate-100">/g)).toHaveLength(2);
  });

  it("shows what it is given for no rows instead of an empty table", () => {
    expect(render({ rows: [], empty: createElement("p", null, "None.") })).toBe("<p>None.</p>");
    expect(render({ rows: [] })).toContain("<tbody></tbody>");
  });

  it("gives each row its own classes and data attributes", () => {
    const html = render({ look: "list", rows: [{ day: "1 Dec", amount: "10" }], rowProps: (r) => ({ className: "align-top", "data-day": r.day }) });
    expect(html).toContain('<tr class="border-t border-slate-100 align-top" data-day="1 Dec">');
    expect(html).toContain('class="relative overflow-x-auto rounded-xl border border-slate-200 bg-white"');
  });
});
