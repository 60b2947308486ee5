"use client";

import "./globals.css";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-IN">
      <body className="font-sans">
        <main className="mx-auto max-w-md px-4 py-10">
          <h1 className="text-2xl font-bold">Something went wrong</h1>
          <p className="mt-2">
            Please reload the page. If it happens again, tell support the reference{" "}
            <strong className="font-mono">{error.digest ?? "unknown"}</strong>.
          </p>
        </main>
      </body>
    </html>
  );
}
