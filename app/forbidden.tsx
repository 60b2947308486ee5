import { StatusPage } from "@/components/status-page";

export default function Forbidden() {
  return <StatusPage title="Not allowed" message="Your role cannot open this page. The attempt has been recorded." />;
}
