// Framework-agnostic REST handlers of `/api/v1` (device API and admin API): the console's route
// files are one-line adapters around these.

export { handleAdminListDevices } from "./admin/devices";
export { handleAdminCreateEnrollmentToken } from "./admin/enrollment-tokens";
export { handleAdminGetPolicy, handleAdminPublish, handleAdminUpdateDraft } from "./admin/policies";
export { handleEnroll } from "./enroll";
export { handleEvents } from "./events";
export { BODY_LIMITS, errorResponse, jsonResponse, type TRestContext, type TRestHandler } from "./http";
export { handleCreateRequest, handleListRequests } from "./requests";
export { handleSnapshot } from "./snapshot";
