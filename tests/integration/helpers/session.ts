// Requests as a signed-in browser sends them to route handlers: an Auth.js session cookie (a JWT
// encrypted with AUTH_SECRET, as sign-in sets it) and the headers Next.js adds in front of a handler.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import type { TestUser } from "./factories";

// Auth.js's cookie name over http (https adds the __Secure- prefix).
const SESSION_COOKIE = "authjs.session-token";

export async function sessionCookie(user: TestUser): Promise<string> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name },
    secret: process.env.AUTH_SECRET!,
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** A NextRequest to `path` on the app, with the cookies given (already "name=value"). */
export function appRequest(path: string, init: { method?: string; cookies?: string[]; headers?: Record<string, string>; body?: BodyInit } = {}) {
  const headers = new Headers(init.headers);
  headers.set("host", "localhost:3000");
  headers.set("x-forwarded-proto", "http");
  if (init.cookies?.length) headers.set("cookie", init.cookies.join("; "));
  return new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? "GET", headers, body: init.body });
}
