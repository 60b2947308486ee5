import "server-only";
import { codeTable } from "@/lib/aopay/contract";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

/**
 * The admin's AOPay page (the page checks the role): where money calls go, the active outlets
 * (those whose credentials AOPay refused), the code table by code, the rule for every call
 * before the rules for one call, and the latest 25 exchanges.
 */
export async function aopayData() {
  const settings = config().aopay;
  const [outlets, exchanges] = await Promise.all([
    db().outlet.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, registrationId: true, aopayRefusedAt: true, aopayRefusedCall: true, aopayRefusedMessage: true },
    }),
    db().aopayExchange.findMany({
      orderBy: { id: "desc" },
      take: 25,
      select: { id: true, at: true, call: true, reference: true, registrationId: true, httpStatus: true, latencyMs: true, failure: true },
    }),
  ]);
  const refused = outlets.filter((o) => o.aopayRefusedAt !== null);
  const codeOf = (key: string) => Number(key.split(":").at(-1));
  const codes = Object.entries(codeTable(settings.responseCodes)).sort(([a], [b]) => codeOf(a) - codeOf(b) || a.length - b.length || a.localeCompare(b));
  const connection = {
    sandbox: settings.sandbox,
    baseUrl: settings.baseUrl,
    writeTimeoutMs: settings.writeTimeoutMs,
    readTimeoutMs: settings.readTimeoutMs,
    noRecordGraceMinutes: settings.noRecordGraceMinutes,
  };
  return { connection, outlets, refused, codes, exchanges };
}
