import { afterAll, expect, test } from "vitest";

import { prepareConsole } from "../support/console";
import type { TConsole } from "../support/console";

// An operator stops the console the usual way (Ctrl-C, `docker stop`, systemd: SIGTERM) and then
// runs an operator command (`npm run admin -- create-api-token …`) against its database. With the
// embedded PGlite database this requires the console to have released it on the way out.

let consoleHandle: TConsole | undefined;

afterAll(async () => {
  await consoleHandle?.dispose();
});

test("after the console stops on SIGTERM, the operator command can open its database", async () => {
  consoleHandle = await prepareConsole();
  await consoleHandle.start();
  await consoleHandle.stop();

  const orgs = JSON.parse(await consoleHandle.adminCommand(["list-orgs", "--json"])) as { slug: string }[];

  expect(orgs.map((org) => org.slug)).toEqual(["demo"]);
});
