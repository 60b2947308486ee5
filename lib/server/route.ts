/**
 * The one way to write a route handler: `route({ roles, params }, handler)`. Like the action
 * pipeline, it checks the session and role inside itself before anything else (requireUser:
 * 401/403, audited), then parses the path's params with zod (a param that does not parse is a
 * 404: it names nothing). The responses the portal's downloads share live here too.
 */
import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { said, sentenceText, type Said } from "@/lib/i18n/said";
import { log, newRequestId } from "@/lib/log";
import type { Role } from "@/lib/roles";
import { clientIp } from "@/lib/server/client-ip";

export interface RouteContext<P> {
  request: Request;
  user: CurrentUser;
  params: P;
  /** The client's address as the trusted proxies report it. */
  ip: string | null;
}

interface RouteOptions<S extends z.ZodType | undefined> {
  /** Who may call it; none given means any signed-in user. */
  roles: readonly Role[];
  params?: S;
}

type ParamsOf<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

export function route<S extends z.ZodType | undefined = undefined>(options: RouteOptions<S>, handler: (context: RouteContext<ParamsOf<S>>) => Promise<Response>) {
  return async (request: Request, segment?: { params: Promise<unknown> }): Promise<Response> => {
    const user = await requireUser(...options.roles);
    if (!sameOrigin(request)) return textResponse(403, said("downloads.otherSite"));
    const raw = (await segment?.params) ?? {};
    const parsed = options.params ? options.params.safeParse(raw) : { success: true as const, data: {} };
    if (!parsed.success) return textResponse(404, said("downloads.notFound"));
    return handler({ request, user, params: parsed.data as ParamsOf<S>, ip: clientIp(request.headers) });
  };
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Server actions refuse a foreign Origin themselves; a route handler that changes something
 * must too, so a page on another site cannot post to it with the user's cookie.
 */
function sameOrigin(request: Request): boolean {
  if (safeMethods.has(request.method)) return true;
  const origin = request.headers.get("origin");
  if (!origin) return true; // not a browser's cross-site request: browsers send Origin on every POST
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The request's body, read only up to `limit` bytes: null as soon as it is longer (a declared
 * Content-Length over the limit is refused before anything is read).
 */
export async function bodyUpTo(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A JSON answer that is never cached. */
export function jsonResponse(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** A plain-text answer that is never cached (a refusal a person reads). */
export async function textResponse(status: number, message: Said): Promise<Response> {
  return new Response(sentenceText(await getTranslations(), message), { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** A CSV download, streamed as the client reads it; never cached, never sniffed as anything else. */
export function csvResponse(body: ReadableStream<Uint8Array> | string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * A download every role's pages share the shape of: the download audited (who, what, a request
 * id), then the CSV streamed; a failure mid-stream is logged under that request id (the user's
 * file just ends, as the headers have gone).
 */
export async function auditedCsv(
  context: { user: CurrentUser; ip: string | null },
  download: { audit: Omit<AuditEntry, "actorId" | "actorLabel" | "ip">; fileName: string; failure: string; body: (onError: (error: unknown) => void) => ReadableStream<Uint8Array> },
): Promise<Response> {
  const requestId = newRequestId();
  const { user, ip } = context;
  await recordAudit(db(), { ...download.audit, details: { ...download.audit.details, requestId }, actorId: user.id, actorLabel: user.username, ip });
  const body = download.body((error) => log.error({ requestId, err: error, userId: user.id }, download.failure));
  return csvResponse(body, download.fileName);
}
