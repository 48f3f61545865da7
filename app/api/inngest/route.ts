// The Inngest serve endpoint: the Inngest server (the embedded executor, inngest-cli dev,
// self-hosted Inngest or Inngest Cloud) syncs the app's functions with PUT and calls them with POST.
import { serve } from "inngest/next";
import { inngest } from "@/lib/events/client";
import { functions } from "@/lib/jobs/functions";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
