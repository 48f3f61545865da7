import type { Metadata } from "next";
import { KeywordRepliesSettings } from "@/components/settings/keyword-replies-settings";

export const metadata: Metadata = { title: "Keyword replies" };

export default function KeywordRepliesPage() {
  return <KeywordRepliesSettings />;
}
