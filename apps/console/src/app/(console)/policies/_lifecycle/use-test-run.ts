"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/trpc/react";
import type { TTextCheck } from "./json-lines";

/** Runs the working copy's policy tests on every (valid) change, debounced. */
export function useTestRun(scope: string, check: TTextCheck) {
  const trpc = useTRPC();
  const run = useMutation(trpc.policyTools.runTests.mutationOptions());
  const { mutate } = run;
  const key = check.isValid ? JSON.stringify(check.value) : null;
  useEffect(() => {
    if (key === null) return;
    const timer = setTimeout(() => mutate({ scope, document: JSON.parse(key) as unknown }), 400);

    return () => clearTimeout(timer);
  }, [key, scope, mutate]);

  return run;
}

export type TTestRun = ReturnType<typeof useTestRun>;
