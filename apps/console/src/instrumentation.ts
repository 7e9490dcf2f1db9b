/**
 * Next.js start-up hook: runs once per server process before it handles requests. The database
 * work only exists in the Node.js runtime (`NEXT_RUNTIME` is a build-time constant here, the one
 * place outside env.ts that reads process.env, so the edge bundle drops the import).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConsole } = await import("./server/start-console");
  try {
    await startConsole();
  } catch (error) {
    console.error(`egress: the console could not start: ${error instanceof Error ? error.message : "unknown error"}`);
    throw error;
  }
}
