import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Counter Portal", template: "%s · Counter Portal" },
  description: "Domestic money transfer at the counter",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, the not-found page too: each carries its own CSP nonce
  // (proxy.ts), and a page prerendered at build time would have scripts without one.
  await connection();
  return (
    <html lang="en-IN">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
