import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { TransferProgress } from "@/components/counter/transfer-progress";
import { QueryProvider } from "@/components/query-provider";
import { requireUser } from "@/lib/auth/current-user";
import { transferView } from "@/lib/counter/transfer-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("transferPage.title") };
}

export default async function TransferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("AGENT");
  const id = z.uuid().safeParse((await params).id);
  const view = id.success ? await transferView(user, id.data) : null;
  if (!view) notFound();
  return (
    <QueryProvider>
      <TransferProgress initial={view} />
    </QueryProvider>
  );
}
