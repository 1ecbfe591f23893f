import { useState } from "react";
import type { TypedDocumentNode } from "urql";
import { progressInto } from "../components/upload-bar";
import { errorOf, focusFirstError } from "./errors";
import type { useForm } from "./form";
import { uploadMutation, type UploadResult } from "./upload";

/**
 * A form that sends files: the share sent so far while an upload runs (null otherwise), for the picker's bar
 * and the busy button.
 */
export function useUpload() {
  const [progress, setProgress] = useState<number | null>(null);
  async function send<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<UploadResult<TData>> {
    setProgress(0);
    try {
      return await uploadMutation(document, variables, { onProgress: progressInto(setProgress) });
    } finally {
      setProgress(null);
    }
  }
  return { progress, busy: progress != null, send };
}

type Form = Pick<ReturnType<typeof useForm>, "setErrors" | "formRef" | "showApiError" | "summary">;

/**
 * An API error on a form with an evidence picker: a message about one file (`bukti.<n>`) stays beside that file
 * and focuses the picker; any other goes where `showApiError` puts it.
 */
export function showEvidenceError(form: Form, result: object, name = "bukti") {
  const err = errorOf(result);
  if (err?.field && new RegExp(`^${name}\\.\\d+$`).test(err.field)) {
    form.setErrors({ [err.field]: err.message });
    focusFirstError(form.formRef.current, form.summary.fields, { [name]: err.message });
  } else form.showApiError(result);
}
