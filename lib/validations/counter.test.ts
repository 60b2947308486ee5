import { describe, expect, it } from "vitest";
import { transferSchema } from "@/lib/validations/counter";

const form = { amount: "2500", mode: "IMPS", pincode: "400059", address: "Marol Naka, Andheri East", latitude: "19.1086", longitude: "72.8799" };
const schema = transferSchema({ minRupees: 100, maxRupees: 25_000 });

describe("the transfer form's date of birth", () => {
  it("is typed DD/MM/YYYY and handed on as yyyy-MM-dd", () => {
    expect(schema.parse({ ...form, dateOfBirth: "31/01/1990" }).dateOfBirth).toBe("1990-01-31");
    // A returning customer's stored day, and a link's form, read the same.
    expect(schema.parse({ ...form, dateOfBirth: "1990-01-31" }).dateOfBirth).toBe("1990-01-31");
  });

  it("says how to write it when it cannot be read, and refuses a minor", () => {
    const message = (dateOfBirth: string) => schema.safeParse({ ...form, dateOfBirth }).error?.issues.find((i) => i.path[0] === "dateOfBirth")?.message;
    expect(message("01/31/1990")).toBe("Write the date of birth as DD/MM/YYYY, e.g. 31/01/1990.");
    expect(message("")).toBe("Enter the date of birth.");
    expect(message("01/01/2020")).toBe("The customer must be at least 18.");
  });
});
