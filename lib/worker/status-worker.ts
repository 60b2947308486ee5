/**
 * The status worker: settles parts whose outcome is not known yet (SUBMITTED after a crash or a
 * lost answer, PENDING, a refund claim with an unclear answer) by asking AOPay's Transaction
 * Status on the schedule in lib/ledger/schedule.ts.
 *
 * Several workers may run against one PostgreSQL database (inside each `npm start` and as
 * `npm run worker`): each cycle leases due parts with FOR UPDATE SKIP LOCKED, so a part is
 * asked about by one worker once per cycle. Nothing is kept in memory between cycles.
 */
import type { Logger } from "pino";
import type { Ledger } from "@/lib/ledger/ledger";

export interface StatusWorkerOptions {
  ledger: Ledger;
  /** Parts leased per claim. */
  batchSize?: number;
  /** Status calls in flight at once per worker. */
  concurrency?: number;
  /** Pause between cycles. */
  intervalMs?: number;
  log?: Pick<Logger, "info" | "error">;
}

export interface CycleResult {
  checked: number;
  /** Parts that reached a state other than the one they were in. */
  moved: number;
  errors: number;
}

export interface StatusWorker {
  runCycle(): Promise<CycleResult>;
  start(): void;
  /** Stops after the cycle in progress. */
  stop(): Promise<void>;
}

export function createStatusWorker({ ledger, batchSize = 100, concurrency = 8, intervalMs = 5_000, log }: StatusWorkerOptions): StatusWorker {
  let running: Promise<void> | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  async function runCycle(): Promise<CycleResult> {
    const result: CycleResult = { checked: 0, moved: 0, errors: 0 };
    for (;;) {
      const { token, partIds } = await ledger.claimDueChecks(batchSize);
      let next = 0;
      const lane = async () => {
        while (next < partIds.length) {
          const partId = partIds[next++]!;
          try {
            const { moved } = await ledger.checkLeased(partId, token);
            result.checked++;
            if (moved) result.moved++;
          } catch (error) {
            // The lease runs out by itself; the part is asked about again next cycle.
            result.errors++;
            log?.error({ err: error, partId }, "status check failed");
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, partIds.length) }, lane));
      if (partIds.length < batchSize || stopping) return result;
    }
  }

  async function loop() {
    while (!stopping) {
      try {
        const result = await runCycle();
        if (result.checked) log?.info(result, "status worker cycle");
      } catch (error) {
        log?.error({ err: error }, "status worker cycle failed");
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, intervalMs);
        timer.unref?.();
      });
    }
  }

  return {
    runCycle,
    start() {
      stopping = false;
      running ??= loop().finally(() => (running = undefined));
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await running;
    },
  };
}
