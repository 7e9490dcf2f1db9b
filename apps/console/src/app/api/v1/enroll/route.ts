import { handleEnroll } from "@egress/api/rest";
import { restContext } from "../_lib/rest-context";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return handleEnroll(req, await restContext());
}
