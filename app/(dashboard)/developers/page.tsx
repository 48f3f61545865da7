import type { Metadata } from "next";
import { ApiKeysSettings } from "@/components/developers/api-keys-settings";

export const metadata: Metadata = { title: "API keys" };

export default function ApiKeysPage() {
  return <ApiKeysSettings />;
}
