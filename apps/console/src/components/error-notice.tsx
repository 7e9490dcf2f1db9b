/** A failed action's message (already safe: the server never sends internals). */
export function ErrorNotice({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;

  return (
    <div className="notice notice-error" data-testid={testId}>
      {message}
    </div>
  );
}
