// TypeDoc plugin (typedoc.json "plugin"): every export of bindings/index.ts and every public method of
// an exported class must carry an `@example` block, as CONTRIBUTING.md asks. TypeDoc's own
// `validation.notDocumented` checks only that a comment exists; this adds the example, as a warning
// (an error under `treatWarningsAsErrors`, which `npm run docs` and `npm run docs:check` set).
//
// Checked: functions, classes, interfaces, type aliases and variables at the top level, and the
// methods a class declares itself (not inherited, not private, not internal: those are not in the
// reference). An overloaded function needs the example once, on any overload or on the declaration.
// Not checked: properties, accessors, constructors, and the members of interfaces.
//
// Also: an interface or class without a comment of its own silently gets the comment of the type it
// extends (TypeDoc copies it: every result interface would read as DisposableResult's), which
// `notDocumented` then accepts. Such a copied comment is reported as missing.
import { Application, ReflectionKind } from 'typedoc';

const TOP = ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Interface | ReflectionKind.TypeAlias | ReflectionKind.Variable;

/** True when the reflection, or any of its signatures, has an @example block. */
function hasExample(r) {
  const comments = [r.comment, ...(r.signatures ?? []).map((s) => s.comment)];
  return comments.some((c) => c?.blockTags.some((t) => t.tag === '@example'));
}

/** The comment as plain text (summary and block tags), for comparing two comments. */
const text = (c) => JSON.stringify([c.summary, c.blockTags.map((t) => [t.tag, t.content])]);

/** The name of an extended type whose comment r carries as its own (copied by TypeDoc), or null. */
function copiedFrom(r) {
  if (r.comment === undefined) return null;
  for (const t of r.extendedTypes ?? []) {
    const base = t.reflection;
    if (base?.comment !== undefined && text(base.comment) === text(r.comment)) return base.name;
  }
  return null;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    const missing = [];
    for (const r of project.getReflectionsByKind(TOP)) {
      if (r.parent !== project) continue; // module-level only (members of namespaces have none here)
      const base = copiedFrom(r);
      if (base !== null) app.logger.warn(`${r.getFriendlyFullName()} has no comment of its own (TypeDoc shows ${base}'s)`);
      if (!hasExample(r)) missing.push(`${r.getFriendlyFullName()} (${ReflectionKind.singularString(r.kind)})`);
      if (!r.kindOf(ReflectionKind.Class)) continue;
      for (const m of r.children ?? []) {
        if (!m.kindOf(ReflectionKind.Method) || m.inheritedFrom || m.flags.isPrivate || m.flags.isProtected) continue;
        if (!hasExample(m)) missing.push(`${m.getFriendlyFullName()} (Method)`);
      }
    }
    for (const name of missing) app.logger.warn(`${name} has no @example (every export and public method needs one)`);
  });
}
