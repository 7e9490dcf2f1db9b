import { permissionProcedure } from "../../trpc";
import { createConsoleRequest } from "../../services/review/create-console-request";
import { ZCreateRequestRequestSchema, ZCreateRequestResponseSchema } from "./create-request.types";

/** `review.createRequest`: a member asks for access from the console (applies to the `default` scope). Audited. */
export const createRequestRoute = permissionProcedure("requests.create")
  .input(ZCreateRequestRequestSchema)
  .output(ZCreateRequestResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const request = await createConsoleRequest({ db: ctx.db, actor: ctx.actor, input });

    return { id: request.id, kind: input.kind, target: request.target, status: request.status, createdAt: request.createdAt };
  });
