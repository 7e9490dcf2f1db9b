import { handleEvents } from "@egress/api/rest";
import { restContext } from "../_lib/rest-context";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return handleEvents(req, await restContext());
}
