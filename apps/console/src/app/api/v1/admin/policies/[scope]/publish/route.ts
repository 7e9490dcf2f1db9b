import { handleAdminPublish } from "@egress/api/rest";
import { restContext } from "../../../../_lib/rest-context";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ scope: string }> }) {
  return handleAdminPublish(req, await restContext(await params));
}
