// How a consent change reads, in the thread's flow and the side panel's history alike.
export interface ConsentChange {
  action: string;
  source: string;
  keyword: string | null;
}

export function consentChangeText(change: ConsentChange): string {
  const what = change.action === "OPT_OUT" ? "Opted out" : "Opted in";
  return change.keyword ? `${what} by texting ${change.keyword}` : `${what} (${change.source})`;
}
