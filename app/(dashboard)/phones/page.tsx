import type { Metadata } from "next";
import { PhonesScreen } from "@/components/phones/phones-screen";

export const metadata: Metadata = { title: "Phones" };

export default function PhonesPage() {
  return <PhonesScreen />;
}
