"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/** How long an asked-for refresh may take before it is asked again. */
const refreshPatienceMs = 5_000;

/** A demo user's current code and its seconds left; asks the server for the next one when it ends. */
export function DemoCode({ code, endsAt, username }: { code: string; endsAt: number; username: string }) {
  const router = useRouter();
  const t = useTranslations();
  const [left, setLeft] = useState<number | null>(null);
  const askedAt = useRef<number | null>(null);
  useEffect(() => {
    askedAt.current = null;
    const tick = () => {
      const ms = endsAt - Date.now();
      setLeft(Math.max(0, Math.ceil(ms / 1000)));
      // Once per ended code, not on every tick: a refresh that takes over a second on a busy
      // server was cancelled by the next one, so the next code never arrived.
      if (ms > 0 || (askedAt.current !== null && Date.now() - askedAt.current < refreshPatienceMs)) return;
      askedAt.current = Date.now();
      router.refresh();
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [endsAt, router]);
  return (
    <span data-testid={`demo-code-${username}`}>
      <strong>{code}</strong>
      {left === null ? null : <span className="text-amber-800"> {t("signIn.demoCode.secondsLeft", { seconds: left })}</span>}
    </span>
  );
}
