import type { ReactNode } from "react";
import { CenteredPage } from "@/components/app/centered-page";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <CenteredPage>{children}</CenteredPage>;
}
