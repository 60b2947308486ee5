"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { QueryProvider } from "@/components/query-provider";

export interface SandboxOtp {
  purpose: string;
  mobile: string;
  code: string;
  expiresAt: string;
}

/** What the panel shows: the OTPs (undefined until the first answer), and whether the last ask failed. */
export interface SandboxOtpsSeen {
  otps: SandboxOtp[] | undefined;
  failed: boolean;
}

async function fetchOtps(): Promise<SandboxOtp[]> {
  const response = await fetch("/api/sandbox/otps", { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { otps: SandboxOtp[] }).otps;
}

function Feed({ onSeen }: { onSeen: (seen: SandboxOtpsSeen) => void }) {
  const { data, isError } = useQuery({ queryKey: ["sandbox-otps"], queryFn: fetchOtps, refetchInterval: 2000 });
  useEffect(() => onSeen({ otps: data, failed: isError }), [data, isError, onSeen]);
  return null;
}

/** The sandbox's OTPs, asked for every 2 seconds, for sandbox-otp-panel.tsx; renders nothing itself. */
export function SandboxOtpFeed({ onSeen }: { onSeen: (seen: SandboxOtpsSeen) => void }) {
  return (
    <QueryProvider>
      <Feed onSeen={onSeen} />
    </QueryProvider>
  );
}
