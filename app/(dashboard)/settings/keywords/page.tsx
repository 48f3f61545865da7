import type { Metadata } from "next";
import { KeywordRulesSettings } from "@/components/keywords/keyword-rules-settings";
import { KeywordStats } from "@/components/keywords/keyword-stats";
import { PhraseOptOuts } from "@/components/keywords/phrase-opt-outs";
import { KeywordRepliesSettings } from "@/components/settings/keyword-replies-settings";

export const metadata: Metadata = { title: "Keywords" };

export default function KeywordsPage() {
  return (
    <>
      <KeywordRulesSettings />
      <KeywordStats />
      <PhraseOptOuts />
      <KeywordRepliesSettings />
    </>
  );
}
