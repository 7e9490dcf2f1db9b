import { handleAdminGetPolicy } from "@egress/api/rest";
import { restContext } from "../../../_lib/rest-context";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ scope: string }> }) {
  return handleAdminGetPolicy(req, await restContext(await params));
}
