import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/status-page";

export default function NotFound() {
  const t = useTranslations();
  return <StatusPage title={t("errors.notFoundTitle")} message={t("errors.notFoundMessage")} />;
}
