import type { Metadata } from "next";
import { AlertThresholdsSettings } from "@/components/settings/alert-thresholds-settings";

export const metadata: Metadata = { title: "Alerts" };

export default function AlertsSettingsPage() {
  return <AlertThresholdsSettings />;
}
