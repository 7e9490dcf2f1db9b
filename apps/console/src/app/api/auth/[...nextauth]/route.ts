import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";

export const dynamic = "force-dynamic";

type TRouteContext = { params: Promise<{ nextauth: string[] }> };
type TRouteHandler = (req: Request, context: TRouteContext) => Promise<Response>;

// next-auth 4's App Router form: NextAuth(options)(req, { params }).
const createHandler = NextAuth as unknown as (options: ReturnType<typeof getAuthOptions>) => TRouteHandler;

function handler(req: Request, context: TRouteContext) {
  return createHandler(getAuthOptions())(req, context);
}

export { handler as GET, handler as POST };
