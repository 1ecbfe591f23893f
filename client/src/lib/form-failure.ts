import type { CombinedError } from "urql";
import { requestErrorMessage, UNEXPECTED_MESSAGE } from "./errors";
import type { useForm } from "./form";

type Form = Pick<ReturnType<typeof useForm>, "showApiError" | "setFormError">;

/**
 * A mutation that did not succeed, shown on its form: the API's error at the field it names (or for the whole
 * form), or, when no answer came, what went wrong with the request.
 */
export function showFailure(form: Form, result: object | null | undefined, error: CombinedError | undefined, aliases?: Record<string, string>) {
  if (result) form.showApiError(result, aliases);
  else form.setFormError(requestErrorMessage(error) ?? UNEXPECTED_MESSAGE);
}
