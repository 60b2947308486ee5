import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/status-page";

export default function Unauthorized() {
  const t = useTranslations();
  return (
    <StatusPage
      title={t("errors.unauthorizedTitle")}
      message={t("errors.unauthorizedMessage")}
      action={{ href: "/sign-in", label: t("errors.signIn") }}
    />
  );
}
