import { StatusPage } from "@/components/status-page";

export default function NotFound() {
  return <StatusPage title="Page not found" message="There is no page at this address." />;
}
