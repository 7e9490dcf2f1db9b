import { permissionProcedure } from "../../trpc";
import { rotateRootKey } from "../../services/keys/rotate-root-key";
import { ZRotateRootKeyResponseSchema } from "./rotate-root-key.types";

/** `keys.rotateRoot`: new root key; root N+1 signed by the old and the new key (no re-enrollment). */
export const rotateRootKeyRoute = permissionProcedure("keys.manage")
  .output(ZRotateRootKeyResponseSchema)
  .mutation(async ({ ctx }) => rotateRootKey({ db: ctx.db, actor: ctx.actor }));
