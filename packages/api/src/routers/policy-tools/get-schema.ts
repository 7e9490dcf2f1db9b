import { policyJsonSchema } from "@egress/policy";
import { permissionProcedure } from "../../trpc";
import { ZGetSchemaRequestSchema, ZGetSchemaResponseSchema } from "./get-schema.types";

/** `policyTools.schema`: the policy document's JSON Schema (draft 2020-12) for the raw editor. */
export const getSchemaRoute = permissionProcedure("policy.read")
  .input(ZGetSchemaRequestSchema)
  .output(ZGetSchemaResponseSchema)
  .query(() => ({ schema: policyJsonSchema() }));
