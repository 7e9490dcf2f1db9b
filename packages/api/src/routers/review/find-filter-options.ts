import { permissionProcedure } from "../../trpc";
import { findReviewFilterOptions } from "../../services/review/find-filter-options";
import { ZFindFilterOptionsResponseSchema } from "./find-filter-options.types";

/** `review.filterOptions`: the agents, rules, users and devices the queue's filters offer. */
export const findFilterOptionsRoute = permissionProcedure("events.read")
  .output(ZFindFilterOptionsResponseSchema)
  .query(async ({ ctx }) => findReviewFilterOptions({ db: ctx.db, actor: ctx.actor }));
