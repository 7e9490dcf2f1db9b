import type { TMatrixCases } from "./types";

/** Matrix rows for the fleet procedures (keys, policy, devices, enrollment, events, requests). */
export const FLEET_CASES: TMatrixCases = {};
