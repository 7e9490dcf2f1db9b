"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useEffect, useMemo, useState } from "react";
import { defaultPolicyDocument } from "@egress/policy";
import { describeError, useTRPC } from "@/trpc/react";
import { checkPolicyText, toText } from "./json-lines";
import { mergeDrafts } from "./merge";

/** How often the editor asks whether someone else saved the draft. */
export const DRAFT_POLL_MS = 4000;

type TRemote = { version: number; by: string | null; document: unknown };

const isConflictError = (error: unknown): boolean => error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "CONFLICT";

/**
 * The editor's working copy of a scope's draft: text, validation, save with optimistic
 * concurrency (`baseVersion`), and what to do when someone else saved meanwhile (polled): load
 * theirs when I have no changes, else offer to merge or reload — never overwrite silently.
 */
export function useDraft(scope: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policy = useQuery(trpc.policy.get.queryOptions({ scope }, { refetchInterval: DRAFT_POLL_MS, refetchIntervalInBackground: true, staleTime: 0 }));
  const [text, setText] = useState<string | null>(null);
  const [base, setBase] = useState<{ version: number; document: unknown } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<string[]>([]);
  const save = useMutation(trpc.policy.updateDraft.mutationOptions());

  const server = policy.data;
  const serverDocument = useMemo(() => (server ? (server.draft ?? server.published?.document ?? defaultPolicyDocument()) : null), [server]);
  const check = useMemo(() => checkPolicyText(text ?? ""), [text]);
  const isDirty = text !== null && base !== null && text !== toText(base.document);
  const remote: TRemote | null = server && base && server.draftVersion > base.version ? { version: server.draftVersion, by: server.draftUpdatedBy, document: serverDocument } : null;

  useEffect(() => {
    if (!server || serverDocument === null) return;
    if (base === null || (!isDirty && server.draftVersion > base.version)) {
      if (base !== null) setNotice(`${server.draftUpdatedBy ?? "someone"} saved version ${server.draftVersion}; the editor now shows it`);
      setBase({ version: server.draftVersion, document: serverDocument });
      setText(toText(serverDocument));
    }
  }, [server, serverDocument, base, isDirty]);

  const loadTheirs = () => {
    if (!remote) return;
    setBase({ version: remote.version, document: remote.document });
    setText(toText(remote.document));
    setConflicts([]);
    setNotice(`loaded version ${remote.version} by ${remote.by ?? "someone"}; your unsaved changes were discarded`);
    save.reset();
  };
  const mergeTheirs = () => {
    if (!remote || !base) return;
    const result = mergeDrafts({ base: base.document, mine: check.value ?? base.document, theirs: remote.document });
    setBase({ version: remote.version, document: remote.document });
    setText(toText(result.merged));
    setConflicts(result.conflicts);
    setNotice(`merged your changes onto version ${remote.version} by ${remote.by ?? "someone"}: review, then save`);
    save.reset();
  };
  const saveDraft = async (document: unknown = check.value) => {
    if (!base) return;
    setNotice(null);
    try {
      const result = await save.mutateAsync({ scope, document, baseVersion: base.version });
      setBase({ version: result.draftVersion, document });
      setText(toText(document));
      setConflicts([]);
      await queryClient.invalidateQueries({ queryKey: trpc.policy.get.queryKey({ scope }) });
      setNotice(result.report.length > 0 ? `saved version ${result.draftVersion}; ${result.report.length} item(s) could not be mapped` : `saved version ${result.draftVersion}`);
    } catch (error) {
      if (isConflictError(error)) await policy.refetch();
    }
  };

  return {
    policy,
    text: text ?? "",
    setText,
    check,
    base,
    isDirty,
    isLoaded: text !== null,
    remote,
    notice,
    conflicts,
    saveDraft,
    isSaving: save.isPending,
    saveError: save.error ? describeError(save.error) : null,
    isConflict: isConflictError(save.error),
    loadTheirs,
    mergeTheirs,
  };
}

export type TDraftState = ReturnType<typeof useDraft>;
