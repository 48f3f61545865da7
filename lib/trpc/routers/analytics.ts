import { z } from "zod";
import { dashboardOverview } from "@/lib/analytics/dashboard-overview";
import { dashboardPeriodInput, updateAlertThresholdsInput } from "@/lib/analytics/dashboard-input";
import { deliverability } from "@/lib/analytics/deliverability";
import { deliverabilityAlerts } from "@/lib/analytics/deliverability-alerts";
import { topCampaigns } from "@/lib/analytics/top-campaigns";
import { updateAlertThresholds } from "@/lib/analytics/update-alert-thresholds";
import { adminProcedure, createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const analyticsRouter = createTRPCRouter({
  overview: orgProcedure.input(dashboardPeriodInput).query(({ ctx, input }) => dashboardOverview(ctx.org, input)),
  deliverability: orgProcedure.input(dashboardPeriodInput).query(({ ctx, input }) => deliverability(ctx.org, input)),
  topCampaigns: orgProcedure.input(dashboardPeriodInput).query(({ ctx, input }) => topCampaigns(ctx.org, input)),
  alerts: orgProcedure.input(z.void()).query(({ ctx }) => deliverabilityAlerts(ctx.org)),
  updateAlertThresholds: adminProcedure.input(updateAlertThresholdsInput).mutation(({ ctx, input }) => updateAlertThresholds(ctx.org, input)),
});
