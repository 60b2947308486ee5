import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/status-page";

export default function Forbidden() {
  const t = useTranslations();
  return <StatusPage title={t("errors.forbiddenTitle")} message={t("errors.forbiddenMessage")} />;
}
