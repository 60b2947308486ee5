import { StatusPage } from "@/components/status-page";

export default function Unauthorized() {
  return (
    <StatusPage
      title="Please sign in"
      message="You are not signed in, or your session has ended."
      action={{ href: "/sign-in", label: "Sign in" }}
    />
  );
}
