// A phone's page is /phones/<digits>: E.164 without its "+", so no escaping in the URL.
export function phonePath(e164: string): string {
  return `/phones/${e164.replace(/\D/g, "")}`;
}

export function phoneFromPath(segment: string): string {
  return /^\d+$/.test(segment) ? `+${segment}` : decodeURIComponent(segment);
}
