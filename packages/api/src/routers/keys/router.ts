import { createTRPCRouter } from "../../trpc";
import { getKeysRoute } from "./get-keys";
import { rotateRootKeyRoute } from "./rotate-root-key";
import { rotateSigningKeyRoute } from "./rotate-signing-key";

/** The org's root and snapshot-signing keys. */
export const keysRouter = createTRPCRouter({
  get: getKeysRoute,
  rotateSigning: rotateSigningKeyRoute,
  rotateRoot: rotateRootKeyRoute,
});
