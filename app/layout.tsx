import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { formattingTags } from "@/lib/i18n/locales";
import "./globals.css";

/**
 * Devanagari from the Noto Sans Devanagari package, served by the portal itself: it renders the
 * same offline, on a counter's tablet with no Hindi font, and in print. Only Devanagari
 * characters use it (unicode-range), so an English page never downloads it.
 */
const devanagari = localFont({
  src: [
    { path: "../node_modules/@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2", weight: "400" },
    { path: "../node_modules/@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-600-normal.woff2", weight: "600" },
    { path: "../node_modules/@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff2", weight: "700" },
  ],
  variable: "--font-devanagari",
  display: "swap",
  preload: false,
  fallback: [],
  adjustFontFallback: false,
  declarations: [{ prop: "unicode-range", value: "U+0900-097F, U+1CD0-1CF9, U+200C-200D, U+20A8, U+20B9, U+25CC, U+A830-A839, U+A8E0-A8FF" }],
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: { default: t("portal.name"), template: `%s · ${t("portal.name")}` }, description: t("portal.description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, the not-found page too: each carries its own CSP nonce
  // (proxy.ts), and a page prerendered at build time would have scripts without one.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={formattingTags[locale]} className={devanagari.variable}>
      <body className="min-h-dvh font-sans">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
