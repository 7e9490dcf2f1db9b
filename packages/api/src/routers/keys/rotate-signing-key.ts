import { permissionProcedure } from "../../trpc";
import { rotateSigningKey } from "../../services/keys/rotate-signing-key";
import { ZRotateSigningKeyResponseSchema } from "./rotate-signing-key.types";

/** `keys.rotateSigning`: new snapshot-signing key certified by root N+1; current snapshots re-signed. */
export const rotateSigningKeyRoute = permissionProcedure("keys.manage")
  .output(ZRotateSigningKeyResponseSchema)
  .mutation(async ({ ctx }) => rotateSigningKey({ db: ctx.db, actor: ctx.actor }));
