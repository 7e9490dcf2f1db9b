import { handleAdminUpdateDraft } from "@egress/api/rest";
import { restContext } from "../../../../_lib/rest-context";

export const dynamic = "force-dynamic";

export async function PUT(req: Request, { params }: { params: Promise<{ scope: string }> }) {
  return handleAdminUpdateDraft(req, await restContext(await params));
}
