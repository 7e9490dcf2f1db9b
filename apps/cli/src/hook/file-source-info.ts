/** How a policy file was read, for `check --explain` */
export type TFileSourceInfo = { format: "native" | "cross-provider" | "unknown"; problem?: string };
