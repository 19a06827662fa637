// Module resolution hook for register.mjs: redirects the bare specifier '@anneal/core'.
let target;

export function initialize(data) {
  target = data.url;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@anneal/core' && target !== undefined) return { url: target, shortCircuit: true };
  return nextResolve(specifier, context);
}
