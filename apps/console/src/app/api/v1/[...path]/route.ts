import { jsonResponse } from "@egress/api/rest";

export const dynamic = "force-dynamic";

// Unknown `/api/v1/*` paths answer the API's JSON error shape, not the console's HTML 404 page
function notFound(req: Request) {
  return jsonResponse(404, { error: { code: "NOT_FOUND", message: `no API endpoint \`${req.method} ${new URL(req.url).pathname}\`` } });
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
