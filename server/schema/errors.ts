import { builder } from "./builder";
import { ConflictError, type DomainError, type InputProblem, InvalidStateError, LoginError, NotFoundError, ValidationError } from "../lib/errors";

const InputProblemRef = builder.objectRef<InputProblem>("InputProblem").implement({
  description: "One problem of a request's input (a form shows each by its field and all of them in its error summary).",
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    field: t.exposeString("field", { nullable: true, description: "The input field the problem concerns, if any" }),
  }),
});

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description: "An expected failure. `code` is stable for integrators; `message` is for people (Indonesian).",
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.exposeString("message"),
    field: t.exposeString("field", { nullable: true, description: "The input field the error concerns, if any" }),
    problems: t.field({
      type: [InputProblemRef],
      description:
        "Every problem of the request at once, in the order of the form; the first is the error's own code, message and field. One entry unless several inputs are wrong.",
      resolve: (error) => error.problems,
    }),
  }),
});

// biome-ignore lint/suspicious/noExplicitAny: a constructor of any arity (`unknown[]` would refuse typed parameters)
function errorType<T extends DomainError>(cls: new (...args: any[]) => T, name: string, description: string) {
  builder.objectType(cls, {
    name,
    description,
    interfaces: [ErrorInterface] as never,
    isTypeOf: (value) => value instanceof cls,
  });
}

errorType(ValidationError, "ValidationError", "An input value breaks a rule.");
errorType(ConflictError, "ConflictError", "Something with that identity already exists, or it changed meanwhile.");
errorType(NotFoundError, "NotFoundError", "The object does not exist or is not visible to you.");
errorType(InvalidStateError, "InvalidStateError", "The action is not allowed in the object's current state.");

builder.objectType(LoginError, {
  name: "LoginError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof LoginError,
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", { nullable: true }),
  }),
});
