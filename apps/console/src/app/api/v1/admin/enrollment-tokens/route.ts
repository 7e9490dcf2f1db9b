import { handleAdminCreateEnrollmentToken } from "@egress/api/rest";
import { restContext } from "../../_lib/rest-context";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return handleAdminCreateEnrollmentToken(req, await restContext());
}
