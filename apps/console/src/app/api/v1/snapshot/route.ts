import { handleSnapshot } from "@egress/api/rest";
import { restContext } from "../_lib/rest-context";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return handleSnapshot(req, await restContext());
}
