import { keywordStats, keywordStatsInput, ruleContacts, ruleContactsInput } from "@/lib/keywords/keyword-stats";
import { createKeywordRule, deleteKeywordRule, listKeywordRules, setKeywordRuleEnabled, updateKeywordRule } from "@/lib/keywords/manage-rules";
import { listPhraseOptOuts } from "@/lib/keywords/phrase-opt-outs";
import { keywordRuleIdInput, keywordRuleInput, setKeywordRuleEnabledInput, updateKeywordRuleInput } from "@/lib/keywords/rule-model";
import { adminProcedure, createTRPCRouter, orgProcedure } from "@/lib/trpc/init";
import { z } from "zod";

export const keywordsRouter = createTRPCRouter({
  rules: orgProcedure.input(z.void()).query(({ ctx }) => listKeywordRules(ctx.org)),
  create: adminProcedure.input(keywordRuleInput).mutation(({ ctx, input }) => createKeywordRule(ctx.org, input)),
  update: adminProcedure.input(updateKeywordRuleInput).mutation(({ ctx, input }) => updateKeywordRule(ctx.org, input)),
  setEnabled: adminProcedure.input(setKeywordRuleEnabledInput).mutation(({ ctx, input }) => setKeywordRuleEnabled(ctx.org, input)),
  delete: adminProcedure.input(keywordRuleIdInput).mutation(({ ctx, input }) => deleteKeywordRule(ctx.org, input)),
  stats: orgProcedure.input(keywordStatsInput).query(({ ctx, input }) => keywordStats(ctx.org, input)),
  ruleContacts: orgProcedure.input(ruleContactsInput).query(({ ctx, input }) => ruleContacts(ctx.org, input)),
  phraseOptOuts: orgProcedure.input(z.void()).query(({ ctx }) => listPhraseOptOuts(ctx.org)),
});
