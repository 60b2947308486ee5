"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** A demo user's current code and its seconds left; asks the server for the next one when it ends. */
export function DemoCode({ code, endsAt, username }: { code: string; endsAt: number; username: string }) {
  const router = useRouter();
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => {
      const ms = endsAt - Date.now();
      setLeft(Math.max(0, Math.ceil(ms / 1000)));
      if (ms <= 0) router.refresh();
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [endsAt, router]);
  return (
    <span data-testid={`demo-code-${username}`}>
      <strong>{code}</strong>
      {left === null ? null : <span className="text-amber-800"> ({left} s)</span>}
    </span>
  );
}
