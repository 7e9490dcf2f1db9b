import { permissionProcedure } from "../../trpc";
import { getKeyFingerprints } from "../../services/keys/get-key-fingerprints";
import { ZGetKeysResponseSchema } from "./get-keys.types";

/** `keys.get`: the root fingerprint (as `egress-sync enroll` prints it) and the key history. */
export const getKeysRoute = permissionProcedure("keys.read")
  .output(ZGetKeysResponseSchema)
  .query(async ({ ctx }) => getKeyFingerprints({ db: ctx.db, actor: ctx.actor }));
