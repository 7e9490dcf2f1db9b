import { handleCreateRequest, handleListRequests } from "@egress/api/rest";
import { restContext } from "../_lib/rest-context";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return handleListRequests(req, await restContext());
}

export async function POST(req: Request) {
  return handleCreateRequest(req, await restContext());
}
